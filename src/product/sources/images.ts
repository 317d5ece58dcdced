/** Images and videos in page markup: lazy-load attributes, `srcset`, product galleries. */
import type { ImageCandidate } from '../candidate.ts';
import { attr, classList, isElement, type HtmlElement, type HtmlNode } from '../html.ts';
import { isJunkImage, largestInSrcset, resolveUrl } from '../urls.ts';

// Attributes that name a bigger picture than `src`, most specific first.
const LARGE_ATTRS = ['data-zoom-image', 'data-src-zoom-image', 'data-large_image', 'data-large-image', 'data-zoom-src', 'data-zoom', 'data-full-size-image', 'data-full', 'data-full-src', 'data-hires', 'data-old-hires', 'data-original-src', 'data-master', 'data-image-large-src'];
const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-lazy', 'data-original', 'data-echo', 'data-img', 'data-image', 'data-url', 'data-flickity-lazyload'];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'srcset'];

function fillTemplate(url: string, el: HtmlElement): string {
  if (!/\{(width|height|size|:size)\}/.test(url)) return url;
  // lazysizes/Shopify themes: src="…/x_{width}x.jpg" with data-widths="[180, 360, 1080]".
  let widths: number[];
  try {
    widths = (JSON.parse(attr(el, 'data-widths') ?? '[]') as unknown[]).map(Number).filter((n) => n > 0);
  } catch {
    widths = [];
  }
  const w = String(widths.length ? Math.max(...widths) : 2048);
  return url.replace(/\{width\}|\{size\}/g, w).replace(/\{height\}/g, w).replace(/\{:size\}/g, 'original');
}

const isPlaceholder = (v: string) => /^data:/i.test(v) || /(placeholder|spacer|blank|transparent|loading|lazy)[^/]*\.(gif|png|svg)/i.test(v);

/** The largest image an element offers, resolved, with its width when stated. */
export function imageSource(el: HtmlElement, base: string | undefined): ImageCandidate | null {
  for (const a of LARGE_ATTRS) {
    const v = attr(el, a);
    if (v && !isPlaceholder(v)) {
      const url = resolveUrl(fillTemplate(v, el), base);
      const w = Number(attr(el, `${a}_width`) ?? attr(el, `${a}-width`) ?? NaN);
      if (url) return { url, ...(w > 0 ? { width: w } : {}) };
    }
  }
  for (const a of SRCSET_ATTRS) {
    const v = attr(el, a);
    if (!v) continue;
    const best = largestInSrcset(fillTemplate(v, el));
    const url = best && !isPlaceholder(best.url) ? resolveUrl(best.url, base) : null;
    if (url) return { url, ...(best?.w ? { width: best.w } : {}) };
  }
  for (const a of [...LAZY_ATTRS, 'src']) {
    const v = attr(el, a);
    if (v && !isPlaceholder(v)) {
      const url = resolveUrl(fillTemplate(v, el), base);
      const w = a === 'src' ? Number(attr(el, 'width') ?? NaN) : NaN;
      if (url) return { url, ...(w > 0 ? { width: w } : {}) };
    }
  }
  return null;
}

const GALLERY = /(product[-_ ]?(gallery|media|images?|photos?|pictures?|slider|carousel|thumbnails?|zoom|main[-_]?image|single__photo)|woocommerce-product-gallery|product__media|product-single__media|pdp[-_ ]?(gallery|images?|media|carousel|photos?)|image-?gallery|media-?gallery|imageblock|altimages|main-?image|zoom-?gallery|image-?carousel|listing-page-image|fotorama|gallery|productview-images?)/i;
const EXCLUDE = /(related|recommend|upsell|up-sell|cross-?sell|recently|similar|also-?(bought|viewed|like)|you-?may|bundle|complete-the-look|review|footer|header|navbar|menu|breadcrumb|newsletter|mini-?cart|cart-drawer|logo|payment|social|instagram|banner|promo|announcement)/i;
const EXCLUDED_TAGS = new Set(['header', 'footer', 'nav', 'aside', 'form', 'script', 'style', 'template', 'svg']);

function marker(el: HtmlElement): string {
  return `${attr(el, 'id') ?? ''} ${classList(el).join(' ')} ${attr(el, 'data-section-type') ?? ''} ${attr(el, 'data-component') ?? ''}`;
}

export interface PageMedia {
  images: ImageCandidate[];
  videos: string[];
}

/**
 * Pictures inside the page's product gallery (and videos anywhere in the main content).
 * Recommendation rails, headers, footers and navigation are skipped.
 */
export function galleryMedia(root: HtmlNode, base: string | undefined): PageMedia {
  const images: ImageCandidate[] = [];
  const videos: string[] = [];
  const stack: Array<{ node: HtmlNode; gallery: boolean }> = [{ node: root, gallery: false }];
  while (stack.length) {
    const { node, gallery: inGallery } = stack.pop()!;
    const kids = 'childNodes' in node ? (node.childNodes as HtmlNode[]) : [];
    let gallery = inGallery;
    if (isElement(node)) {
      if (EXCLUDED_TAGS.has(node.tagName)) continue;
      const m = marker(node);
      const container = node.tagName === 'body' || node.tagName === 'main' || node.tagName === 'html';
      if (!container && m.trim() && EXCLUDE.test(m) && !GALLERY.test(m)) continue;
      if (!gallery && GALLERY.test(m)) gallery = true;
      if (node.tagName === 'video') {
        const src = resolveUrl(attr(node, 'src') ?? attr(node, 'data-src'), base);
        if (src) videos.push(src);
        for (const c of node.childNodes) {
          if (isElement(c) && c.tagName === 'source') {
            const s = resolveUrl(attr(c, 'src') ?? attr(c, 'data-src'), base);
            if (s) videos.push(s);
          }
        }
        continue;
      }
      if (gallery) {
        const videoAttr = attr(node, 'data-video-url') ?? attr(node, 'data-video-src');
        const v = resolveUrl(videoAttr, base);
        if (v) videos.push(v);
        if (node.tagName === 'img') {
          const src = imageSource(node, base);
          const declared = Number(attr(node, 'width') ?? NaN);
          // Tiny pagination thumbnails (width="75") unless a bigger variant is named.
          const tiny = declared > 0 && declared < 80 && (src?.width ?? 0) < 200;
          if (src && !isJunkImage(src.url) && !tiny) images.push(src);
        } else if (node.tagName === 'a') {
          const href = resolveUrl(attr(node, 'href'), base);
          if (href && /\.(jpe?g|png|webp|gif)(\?|$)/i.test(href) && !isJunkImage(href)) images.push({ url: href });
        } else {
          const big = LARGE_ATTRS.map((a) => attr(node, a)).find(Boolean);
          const url = resolveUrl(big, base);
          if (url && !isJunkImage(url)) images.push({ url });
        }
      }
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, gallery });
  }
  return { images, videos };
}
