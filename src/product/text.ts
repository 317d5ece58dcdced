/** Turning shop markup into the plain, speakable text the script writer needs. */
import { elements, isElement, parseHtmlFragment, textContent, type HtmlNode } from './html.ts';

/** Longest description kept (the form's limit). */
export const MAX_DESCRIPTION_CHARS = 20_000;
export const MAX_FEATURES = 10;
const MAX_FEATURE_CHARS = 200;

// Pictographic emoji, skin tones, flags, joiners and variation selectors. ©, ® and ™ are
// "pictographic" in Unicode but belong in product names, so they stay.
const EMOJI = /(?![\u00a9\u00ae\u2122])\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u{1F1E6}-\u{1F1FF}]|\u200d|\ufe0e|\ufe0f|\u20e3/gu;

/** Removes emoji (the speech engine would read them out or stumble). */
export function stripEmoji(s: string): string {
  return s.replace(EMOJI, '');
}

/** Text that may hold entities or tags (JSON-LD values often do): decoded, tags dropped. */
export function decodeHtmlText(s: string): string {
  if (!/[<&]/.test(s)) return s;
  let out = textContent(parseHtmlFragment(s));
  // CMSes sometimes encode twice ("&amp;quot;"): one more pass when entities survive.
  if (/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(out)) out = textContent(parseHtmlFragment(out.replace(/</g, '&lt;')));
  return out;
}

/** One line of text: entities decoded, emoji dropped, whitespace collapsed, shouting calmed. */
export function cleanLine(s: string): string {
  return stripEmoji(decodeHtmlText(s))
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ')
    .replace(/([!?])\1+/g, '$1')
    .replace(/\s+([,.])(?=\s|$)/g, '$1')
    .trim();
}

// Sentences that sell the shop, not the product. Kept conservative: a false hit loses content.
const BOILERPLATE = [
  /\bfree\b[\w\s-]{0,20}\b(shipping|delivery|returns?|postage|p&p)\b/i,
  /\b(fast|quick|same[- ]day) (shipping|dispatch|delivery)\b/i,
  /\bships (free|within|in \d)/i,
  /\b(add to (cart|bag|basket)|buy (it )?now|shop now|order (yours )?(now|today)|click here|read more|see more|learn more)\b/i,
  /\b(satisfaction guaranteed|money[- ]back guarantee|100% satisfaction|hassle[- ]free returns?)\b/i,
  /\b(limited[- ]time (offer|deal)|only \d+ left|while stocks? lasts?|hurry\b)/i,
  /\b(best ?sell(er|ing)|hot sale|top seller|sale!)\b/i,
  /\b\d[\d,.]*\+? (five[- ]star |5[- ]star |happy |positive )?(reviews|customers|sold)\b/i,
  /\bthanks?( you)? for (supporting|shopping|visiting|your (order|purchase|support))\b/i,
  /\b(follow us|share (this|on)|contact (us|our)|customer (service|support)|visit (the|our) .{0,40}(store|shop))\b/i,
  /\b(please note|disclaimer)\b.*\b(colou?rs?|monitor|screen|slight(ly)? differ)/i,
  /\b(actual colou?r may (vary|differ)|colou?rs? may (vary|differ|slightly))/i,
  /^(sku|item (no|number|#)|model (no|number)|product code|categor(y|ies)|tags?)\s*[:#]/i,
  /\b(kostenlose[rn]? (versand|lieferung)|versandkostenfrei|livraison (gratuite|offerte)|env[ií]o gratis|spedizione gratuita|frete gr[aá]tis)\b/i,
  /送料無料|包邮|免运费/,
];

export function isBoilerplate(sentence: string): boolean {
  return BOILERPLATE.some((re) => re.test(sentence));
}

const BULLET = /^\s*(?:[-–—•*·▪▫●◦‣⁃✓✔☑✅★☆➤►▶→◆◇♦■□❖]+|\d{1,2}[.)])\s+/u;

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article', 'blockquote', 'dd', 'dt', 'hr', 'header', 'footer', 'figure', 'figcaption', 'pre']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button', 'form', 'iframe', 'select', 'input', 'textarea', 'object', 'video', 'audio', 'img', 'picture']);

export interface CleanedText {
  /** Paragraphs separated by blank lines. */
  text: string;
  /** List items (`<li>`, or bullet-led lines in plain text). */
  bullets: string[];
}

/**
 * Shop description (HTML or plain text) → clean prose plus the bullet points found in it.
 * Bullets are taken out of the prose so they are not spoken twice.
 */
export function cleanDescription(input: string | HtmlNode): CleanedText {
  const looksHtml = typeof input !== 'string' || /<\/?[a-z][\s\S]*?>/i.test(input);
  const lines: string[] = [];
  const bullets: string[] = [];
  if (looksHtml) {
    const frag = typeof input === 'string' ? parseHtmlFragment(input) : input;
    const buf: string[] = [];
    const flush = () => {
      const line = buf.join('');
      buf.length = 0;
      if (line.trim()) lines.push(line);
    };
    const visit = (node: HtmlNode): void => {
      if (node.nodeName === '#text') {
        buf.push((node as { value: string }).value);
        return;
      }
      if (!isElement(node) && node !== frag) return;
      const tag = isElement(node) ? node.tagName : '';
      if (SKIP.has(tag)) return;
      if (isElement(node) && tag === 'li') {
        flush();
        // A list item's own text, without nested lists.
        const own = node.childNodes.filter((c) => !(isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol'))).map((c) => textContent(c)).join('');
        if (own.trim()) bullets.push(own);
        for (const c of node.childNodes) if (isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol')) visit(c);
        return;
      }
      if (isElement(node) && tag === 'tr') {
        flush();
        const cells = node.childNodes.filter((c) => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')).map((c) => cleanLine(textContent(c))).filter(Boolean);
        if (cells.length === 2) lines.push(`${cells[0]!.replace(/:$/, '')}: ${cells[1]}`);
        else if (cells.length) lines.push(cells.join(', '));
        return;
      }
      const block = BLOCK.has(tag);
      if (block) flush();
      for (const c of 'childNodes' in node ? node.childNodes : []) visit(c as HtmlNode);
      if (block) flush();
    };
    try {
      visit(frag);
    } catch (err) {
      // Absurdly deep markup: fall back to its plain text.
      if (!(err instanceof RangeError)) throw err;
      lines.length = 0;
      bullets.length = 0;
      buf.length = 0;
      lines.push(...textContent(frag).split(/\r?\n/));
    }
    flush();
  } else {
    lines.push(...(input as string).split(/\r?\n/));
  }

  const prose: string[] = [];
  let para: string[] = [];
  const endPara = () => {
    if (para.length) prose.push(para.join(' '));
    para = [];
  };
  for (const raw of lines) {
    if (!raw.trim()) {
      endPara();
      continue;
    }
    if (BULLET.test(raw)) {
      endPara();
      bullets.push(raw.replace(BULLET, ''));
      continue;
    }
    const line = cleanLine(raw);
    if (!line) continue;
    if (isShoutedHeading(line)) {
      endPara();
      continue;
    }
    const kept = splitSentences(line).filter((s) => !isBoilerplate(s) && /\p{L}/u.test(s));
    if (kept.length) para.push(joinSentences(kept));
    if (looksHtml) endPara();
  }
  endPara();
  // Headings ("Details", "Features:") between paragraphs say nothing on their own.
  const isHeading = (p: string) => p.split(/\s+/).length <= 3 && !/[.!?。！？]$/.test(p) && !/[:：]\s*\S/.test(p);
  if (prose.length > 1) for (let i = prose.length - 1; i >= 0; i--) if (isHeading(prose[i]!)) prose.splice(i, 1);
  let text = prose.join('\n\n');
  if (text.length > MAX_DESCRIPTION_CHARS) text = text.slice(0, MAX_DESCRIPTION_CHARS).replace(/\s+\S*$/, '…');
  return { text, bullets: cleanFeatures(bullets) };
}

/** Sentence split that keeps "e.g." / "1.5 L" intact well enough for boilerplate filtering. */
export function splitSentences(line: string): string[] {
  return line.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{Lo}\d"“„(])|(?<=[。！？])\s*/u).map((s) => s.trim()).filter(Boolean);
}

/** Re-joins sentences: a space after Western punctuation, none after 。！？. */
export function joinSentences(parts: string[]): string {
  return parts.reduce((acc, p) => (acc ? acc + (/[。！？]$/.test(acc) ? '' : ' ') + p : p), '');
}

/** A short line in capitals only ("HANDMADE LEATHER WALLET", "DETAILS"): a heading or shouting. */
function isShoutedHeading(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && line.split(/\s+/).length <= 6;
}

/** Feature list: cleaned, boilerplate and duplicates dropped, bounded in count and length. */
export function cleanFeatures(items: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    let f = cleanLine(item.replace(BULLET, '')).replace(/^[\s:;,.-]+/, '');
    if (!f || !/\p{L}/u.test(f) || isBoilerplate(f)) continue;
    if (f.length > MAX_FEATURE_CHARS) f = f.slice(0, MAX_FEATURE_CHARS).replace(/\s+\S*$/, '…');
    const key = f.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
    if (out.length === MAX_FEATURES) break;
  }
  return out;
}

/** Drops the shop's name from a page title ("Name | Shop", "Shop – Name"). */
export function stripSiteName(title: string, siteName?: string): string {
  const t = cleanLine(title);
  if (siteName) {
    const site = cleanLine(siteName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const trailing = new RegExp(`\\s+[|–—·:-]\\s+${site}$`, 'i');
    const leading = new RegExp(`^${site}\\s+[|–—·:-]\\s+`, 'i');
    if (trailing.test(t)) return t.replace(trailing, '').trim();
    if (leading.test(t)) return t.replace(leading, '').trim();
  }
  // Without a known shop name only the pipe is safe to cut at: product names contain dashes.
  const parts = t.split(/\s+\|\s+/);
  return parts[0]!.length >= 3 ? parts[0]! : t;
}

/** Text of all elements matching a test, e.g. bullet lists in a page. */
export function listItems(root: HtmlNode): string[] {
  const out: string[] = [];
  for (const el of elements(root)) if (el.tagName === 'li') out.push(textContent(el));
  return out;
}
