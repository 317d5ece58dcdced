/** Image and page URLs: resolving, `srcset`, and collapsing shop-CDN size variants to the largest. */

/**
 * Resolves a reference found in a page against the page's address. Returns an absolute
 * http(s) URL (or file: when the page itself is a local file), or null for anything else
 * (data:, javascript:, blob:, unresolvable relative paths).
 */
export function resolveUrl(ref: string | undefined | null, base?: string): string | null {
  if (!ref) return null;
  const r = ref.trim().replace(/[\n\r\t]/g, '');
  if (!r || r.startsWith('#')) return null;
  if (/^(data|javascript|blob|about|mailto|tel):/i.test(r)) return null;
  try {
    // Protocol-relative ("//cdn.shop.example/x.jpg") in a page with no web address of its own (a
    // saved .html read from disk, pasted source): the shop served it over https, never from disk.
    const webBase = base !== undefined && /^https?:/i.test(base);
    const u = r.startsWith('//') && !webBase ? new URL(`https:${r}`) : base ? new URL(r, base) : new URL(r);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    if (u.protocol === 'file:' && base?.startsWith('file:')) return u.href;
    return null;
  } catch {
    return null;
  }
}

export interface SrcsetCandidate {
  url: string;
  /** Width descriptor (`800w`). */
  w?: number;
  /** Density descriptor (`2x`). */
  x?: number;
}

/** Parses `srcset` per the HTML spec (URLs may themselves contain commas, as Cloudinary's do). */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const s = srcset;
  while (i < s.length) {
    while (i < s.length && /[\s,]/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let j = i;
    while (j < s.length && !/\s/.test(s[j]!)) j++;
    let url = s.slice(i, j);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
      i = j;
    } else {
      let k = j;
      let depth = 0;
      while (k < s.length && (s[k] !== ',' || depth > 0)) {
        if (s[k] === '(') depth++;
        if (s[k] === ')') depth--;
        k++;
      }
      descriptor = s.slice(j, k).trim();
      i = k + 1;
    }
    if (!url) continue;
    const c: SrcsetCandidate = { url };
    const w = /^(\d+)w$/i.exec(descriptor);
    const x = /^(\d*\.?\d+)x$/i.exec(descriptor);
    if (w) c.w = Number(w[1]);
    else if (x) c.x = Number(x[1]);
    out.push(c);
  }
  return out;
}

/** The biggest candidate of a `srcset` (by width, else density; ties keep the later one). */
export function largestInSrcset(srcset: string): SrcsetCandidate | undefined {
  const cands = parseSrcset(srcset);
  let best: SrcsetCandidate | undefined;
  for (const c of cands) {
    const score = c.w ?? (c.x ?? 1) * 1e-3;
    const bestScore = best ? (best.w ?? (best.x ?? 1) * 1e-3) : -1;
    if (score >= bestScore) best = c;
  }
  return best;
}

// Query parameters that only pick a size, a crop, a quality, or track the visitor.
const SIZE_PARAMS = new Set(['width', 'height', 'w', 'h', 'size', 'resize', 'fit', 'crop', 'quality', 'q', 'dpr', 'imwidth', 'wid', 'hei', 'sw', 'sh', 'sm', 'scale', 'max-w', 'max-h', 'maxwidth', 'maxheight', 'mw', 'mh', 'thumbnail', '_ex', 'fitin']);
const TRACKING_PARAM = /^(utm_[a-z]+|gclid|fbclid|msclkid|_ga|_gl|mc_cid|mc_eid|srsltid|ref|ref_|spm|scm|pf_rd_[a-z]+|pd_rd_[a-z]+)$/i;

/**
 * The largest variant of an image URL: removes the size tokens that shop CDNs put in paths and
 * query strings (Shopify `_300x300`, WordPress `-300x300`, Amazon `._AC_SX300_`, Etsy
 * `il_340x270`, eBay `s-l300`, Cloudinary `w_300,c_fill`, Magento `/cache/<hash>/`,
 * BigCommerce `/stencil/500x659/`, Wix `/v1/fill/…`, `?width=`…) and tracking parameters.
 */
export function largestVariant(href: string): string {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return href;
  }
  const host = u.hostname.toLowerCase();
  let path = u.pathname;

  // Shopify: files on cdn.shopify.com or a shop's own /cdn/shop/ path.
  if (host.endsWith('cdn.shopify.com') || host.endsWith('shopifycdn.com') || path.includes('/cdn/shop/')) {
    path = path.replace(/_(?:pico|icon|thumb|small|compact|medium|large|grande|original|master|\d+x\d*|x\d+)(?:_crop_(?:top|center|bottom|left|right))?(?:@\d+x)?(?=\.[a-z0-9]+$)/i, '');
  }
  // WordPress media sizes: photo-300x300.jpg (the original is photo.jpg).
  if (path.includes('/wp-content/uploads/')) path = path.replace(/-\d{2,5}x\d{2,5}(?=\.[a-z0-9]+$)/i, '');
  // Amazon: 71abc._AC_SX300_SY300_.jpg → 71abc.jpg
  if (/(^|\.)(media-amazon\.com|ssl-images-amazon\.com|images-amazon\.com)$/.test(host)) path = path.replace(/\._[^/]*_\.(jpe?g|png|gif|webp)$/i, '.$1');
  // Etsy: il_340x270.123_abcd.jpg → il_fullxfull.123_abcd.jpg
  if (host.endsWith('etsystatic.com')) path = path.replace(/\/il_\d+x(?:\d+|N)\./, '/il_fullxfull.').replace(/\/c\/\d+\/\d+\/\d+\/\d+\/il\//, '/r/il/');
  // eBay: s-l300.jpg → s-l1600.jpg
  if (host.endsWith('ebayimg.com')) path = path.replace(/\/s-l\d+\.(jpe?g|png|webp)$/i, '/s-l1600.$1');
  // AliExpress / Alibaba: photo.jpg_220x220.jpg, photo.jpg_Q90.jpg_.webp → photo.jpg
  if (host.endsWith('alicdn.com')) path = path.replace(/(\.(?:jpe?g|png|webp))_[^/]*$/i, '$1');
  // Cloudinary: /upload/w_300,h_300,c_fill/v123/x.jpg → /upload/v123/x.jpg
  path = path.replace(/\/(image\/upload|upload)\/(?:[a-z]{1,3}_[^/]+\/)+/, '/$1/');
  // Magento: /media/catalog/product/cache/<hash>/a/b/x.jpg → /media/catalog/product/a/b/x.jpg
  path = path.replace(/\/media\/catalog\/product\/cache\/(?:[^/]+\/)*?([a-z0-9_]\/[a-z0-9_]\/[^/]+)$/i, '/media/catalog/product/$1');
  // PrestaShop: /141-home_default/x.jpg → /141-large_default/x.jpg (the biggest standard size)
  path = path.replace(/\/(\d+)-(?:small|cart|home|medium|large|thickbox)_default\//, '/$1-large_default/');
  // BigCommerce: /images/stencil/500x659/products/… → /images/stencil/original/products/…
  path = path.replace(/\/images\/stencil\/(?:\d+x\d+|\d+w|\{:size\})\//, '/images/stencil/original/');
  // BigCommerce legacy: /products/112/images/377/x__1.2.386.513.jpg → the stencil original
  if (host.endsWith('bigcommerce.com')) path = path.replace(/\/products\/(\d+)\/images\/(\d+)\/([^/]+?)\.\d+\.\d+\.(jpe?g|png|gif|webp)$/i, '/images/stencil/original/products/$1/$2/$3.$4');
  // Wix: /media/abc.jpg/v1/fill/w_300,h_300/abc.jpg → /media/abc.jpg
  if (host.endsWith('wixstatic.com')) path = path.replace(/(\/media\/[^/]+\.(?:jpe?g|png|webp|gif))\/v1\/.*$/i, '$1');
  u.pathname = path;
  // Rakuten: tshop.r10s.jp is the resizing mirror of shop.r10s.jp.
  if (host === 'tshop.r10s.jp') u.hostname = 'shop.r10s.jp';

  const keys: string[] = [];
  u.searchParams.forEach((_, key) => keys.push(key));
  for (const key of keys) {
    const k = key.toLowerCase();
    const v = u.searchParams.get(key) ?? '';
    // Squarespace sizes images with ?format=300w; elsewhere `format` picks a file type.
    if (SIZE_PARAMS.has(k) || TRACKING_PARAM.test(k) || (k === 'format' && /^\d+w$/.test(v))) u.searchParams.delete(key);
  }
  // Scene7 presets ($pdp-thumb$) ride in the query string without a key.
  if (/^\?\$[^&]*\$$/.test(u.search)) u.search = '';
  u.hash = '';
  return u.href;
}

/** Identity of an image across its size variants (for de-duplication). */
export function imageKey(href: string): string {
  const large = largestVariant(href);
  try {
    const u = new URL(large);
    u.searchParams.delete('v');
    u.searchParams.sort();
    // Size suffixes any CMS may add (name_800x800.jpg, name-1024x768@2x.png) do not make a new picture.
    const path = u.pathname.replace(/-scaled(?=\.[a-z0-9]+$)/i, '').replace(/[_-]\d{2,5}x\d{2,5}(@\dx)?(?=\.[a-z0-9]+$)/i, '');
    return `${u.hostname.toLowerCase()}${path}${u.search}`;
  } catch {
    return large;
  }
}

/** Whether an image URL names a resized copy (name_800x800.jpg) rather than the original. */
export function hasSizeSuffix(href: string): boolean {
  try {
    return /[_-]\d{2,5}x\d{2,5}(@\dx)?\.[a-z0-9]+$/i.test(new URL(href).pathname);
  } catch {
    return false;
  }
}

/** Images that are never product photos: pixels, spacers, logos, icons, payment badges. */
export function isJunkImage(href: string): boolean {
  const lower = href.toLowerCase();
  if (/\.svg(\?|#|$)/.test(lower)) return true;
  const path = lower.replace(/^[a-z]+:\/\/[^/]+/, '');
  return /(^|[/_.-])(pixel|spacer|blank|transparent|placeholder|loading|loader|lazy|logo|icons?|sprite|badge|payment|flag|avatar|rating|stars?|1x1)([/_.-]|$)/.test(path) ||
    /(facebook\.com\/tr|google-analytics|doubleclick\.net|googletagmanager|\/pixel\?|bat\.bing)/.test(lower);
}

export function hostOf(href: string): string {
  try {
    return new URL(href).hostname;
  } catch {
    return '';
  }
}

/** Short human label for a URL: the file name, or the host. */
export function fileLabel(href: string): string {
  try {
    const u = new URL(href);
    const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '');
    return last || u.hostname;
  } catch {
    return href.slice(0, 60);
  }
}

/** Whether a video URL points at a player page (YouTube, Vimeo…) rather than a video file. */
export function isVideoPlayerPage(href: string): boolean {
  const host = hostOf(href).toLowerCase();
  return /(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|wistia\.com|wistia\.net|tiktok\.com|facebook\.com|dailymotion\.com)$/.test(host) || /\/embed\//.test(href);
}
