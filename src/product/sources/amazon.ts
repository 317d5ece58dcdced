/**
 * Amazon product pages carry no JSON-LD `Product`: the facts sit in well-known element ids
 * (`#productTitle`, `#feature-bullets`, `#landingImage`…) and the gallery in an inline script.
 */
import { emptyCandidate, type Candidate, type ImageCandidate } from '../candidate.ts';
import { attr, classList, elements, rawText, textContent, type HtmlElement, type HtmlNode } from '../html.ts';
import { currencyFromText, parseAmount } from '../price.ts';
import { cleanLine } from '../text.ts';
import { resolveUrl } from '../urls.ts';

const byId = (els: HtmlElement[], id: string) => els.find((e) => attr(e, 'id') === id);

function within(root: HtmlElement | undefined, test: (el: HtmlElement) => boolean): HtmlElement[] {
  return root ? [...elements(root)].filter(test) : [];
}

export function isAmazonPage(els: HtmlElement[]): boolean {
  return els.some((e) => attr(e, 'id') === 'productTitle') && els.some((e) => /^(dp|dp-container|ppd|centerCol|feature-bullets|landingImage|imgTagWrapperId)$/.test(attr(e, 'id') ?? ''));
}

export function amazonCandidate(els: HtmlElement[], scripts: string[], base: string | undefined, lang: string | undefined): Candidate {
  const c = emptyCandidate('amazon', true);
  const title = byId(els, 'productTitle');
  if (title) c.name = cleanLine(textContent(title));

  const byline = byId(els, 'bylineInfo');
  if (byline) {
    const t = cleanLine(textContent(byline));
    const m = /^(?:visit the|besuche den|visitez la boutique|visiter la boutique|visita la tienda de|visita lo store di|brand:|marke:|marca:|marque\s?:)\s*(.+?)(?:\s*(?:store|-store|shop))?$/i.exec(t);
    c.brand = (m ? m[1]! : t).replace(/-$/, '').trim();
  }

  const bullets = byId(els, 'feature-bullets') ?? byId(els, 'featurebullets_feature_div');
  const items = within(bullets, (e) => e.tagName === 'li' && attr(e, 'id') !== 'replacementPartsFitmentBullet' && !classList(e).includes('aok-hidden'));
  const lines = items.map((li) => cleanLine(textContent(li))).filter(Boolean);
  if (lines.length) c.features = lines;

  const desc = byId(els, 'productDescription');
  if (desc && cleanLine(textContent(desc))) c.description = desc as HtmlNode;
  else if (lines.length) {
    // Many listings have no "Product description", only "About this item": its bullets, as
    // prose, are the description then (the page's meta description is "Amazon.com: <title>").
    c.description = lines.map((l) => (/[.!?。！？]$/.test(l) ? l : `${l}.`)).join(' ');
    c.descriptionDetail = 'feature bullets';
  }

  const priceRoots = ['corePrice_feature_div', 'corePriceDisplay_desktop_feature_div', 'apex_desktop', 'price'].map((id) => byId(els, id)).filter(Boolean) as HtmlElement[];
  const offscreen = (root: HtmlElement | undefined) => within(root, (e) => classList(e).includes('a-offscreen')).map((e) => textContent(e).trim()).find(Boolean);
  const priceText = priceRoots.map((r) => offscreen(r)).find(Boolean) ?? ['priceblock_dealprice', 'priceblock_ourprice', 'priceblock_saleprice'].map((id) => byId(els, id)).map((e) => (e ? textContent(e).trim() : '')).find(Boolean);
  if (priceText) {
    const amount = parseAmount(priceText, true);
    const currency = currencyFromText(priceText, lang);
    if (amount !== null && amount > 0) c.price = { amount, ...(currency ? { currency } : {}) };
  }

  const images: ImageCandidate[] = [];
  // The gallery's full list, in order, lives in the ImageBlock script ("hiRes", else "large").
  for (const s of scripts) {
    if (!s.includes('colorImages') && !s.includes('"hiRes"')) continue;
    const initial = /['"]initial['"]\s*:\s*\[([\s\S]*?)\]\s*}/.exec(s)?.[1] ?? s;
    for (const m of initial.matchAll(/\{[^{}]*?"(?:hiRes|large)"\s*:\s*"(https?:[^"]+)"[^{}]*\}/g)) {
      const block = m[0];
      const hi = /"hiRes"\s*:\s*"(https?:[^"]+)"/.exec(block)?.[1] ?? /"large"\s*:\s*"(https?:[^"]+)"/.exec(block)?.[1];
      const url = resolveUrl(hi, base);
      if (url) images.push({ url });
    }
    if (images.length) break;
  }
  const landing = byId(els, 'landingImage') ?? byId(els, 'imgBlkFront');
  if (landing) {
    let best: ImageCandidate | undefined;
    try {
      const dyn = JSON.parse(attr(landing, 'data-a-dynamic-image') ?? '{}') as Record<string, [number, number]>;
      for (const [u, [w]] of Object.entries(dyn)) if (!best || w > (best.width ?? 0)) best = { url: u, width: w };
    } catch {
      // ignore: fall back to the other attributes
    }
    const url = resolveUrl(attr(landing, 'data-old-hires') || best?.url || attr(landing, 'src'), base);
    if (url) images.unshift({ url, ...(best?.width ? { width: best.width } : {}) });
  }
  for (const img of within(byId(els, 'altImages'), (e) => e.tagName === 'img')) {
    const url = resolveUrl(attr(img, 'src'), base);
    if (url && !/(play-button|play-icon|video|transparent-pixel|sprite)/i.test(url)) images.push({ url });
  }
  c.images = images;
  return c;
}

/** Inline script texts, for the gallery data. */
export function scriptTexts(els: HtmlElement[]): string[] {
  return els.filter((e) => e.tagName === 'script' && !attr(e, 'src') && !/json/i.test(attr(e, 'type') ?? '')).map(rawText);
}
