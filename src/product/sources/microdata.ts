/**
 * schema.org microdata (`itemscope`/`itemtype`/`itemprop`) and RDFa Lite (`typeof`/`property`)
 * turned into the JSON shape JSON-LD uses, so one mapping serves all three.
 */
import { attr, hasAttr, innerHtml, isElement, textContent, type HtmlElement, type HtmlNode } from '../html.ts';
import { resolveUrl } from '../urls.ts';
import { imageSource } from './images.ts';
import type { Json, JsonObject } from './schema-org.ts';

interface Syntax {
  isItem: (el: HtmlElement) => boolean;
  type: (el: HtmlElement) => string | undefined;
  props: (el: HtmlElement) => string[];
}

const MICRODATA: Syntax = {
  isItem: (el) => hasAttr(el, 'itemscope'),
  type: (el) => attr(el, 'itemtype')?.trim().split(/\s+/)[0],
  props: (el) => (attr(el, 'itemprop') ?? '').split(/\s+/).filter(Boolean),
};

const RDFA: Syntax = {
  isItem: (el) => hasAttr(el, 'typeof'),
  type: (el) => attr(el, 'typeof')?.trim().split(/\s+/)[0],
  props: (el) => (attr(el, 'property') ?? '').split(/\s+/).filter(Boolean).map((p) => p.replace(/^[a-z]+:/i, '')),
};

const URL_TAGS: Record<string, string> = { a: 'href', area: 'href', link: 'href', audio: 'src', embed: 'src', iframe: 'src', source: 'src', track: 'src', video: 'src', object: 'data' };

function value(el: HtmlElement, syntax: Syntax, base: string | undefined, depth: number, props: string[]): Json {
  if (syntax.isItem(el)) return item(el, syntax, base, depth + 1);
  const content = attr(el, 'content');
  if (content !== undefined) return content.trim();
  if (el.tagName === 'img') return imageSource(el, base)?.url ?? '';
  const urlAttr = URL_TAGS[el.tagName] ?? (syntax === RDFA && hasAttr(el, 'resource') ? 'resource' : undefined);
  if (urlAttr) return resolveUrl(attr(el, urlAttr), base) ?? '';
  if (el.tagName === 'data' || el.tagName === 'meter') return attr(el, 'value') ?? '';
  if (el.tagName === 'time') return attr(el, 'datetime') ?? textContent(el).trim();
  // Keep a description's paragraphs and lists: the cleaner turns <li> into features.
  if (props.includes('description') && el.childNodes.some(isElement)) return innerHtml(el);
  return textContent(el).trim();
}

function item(root: HtmlElement, syntax: Syntax, base: string | undefined, depth: number): JsonObject {
  const out: JsonObject = {};
  const type = syntax.type(root);
  if (type) out['@type'] = type;
  if (depth > 8) return out;
  const add = (name: string, v: Json) => {
    const prev = out[name];
    if (prev === undefined) out[name] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else out[name] = [prev, v];
  };
  const stack: HtmlNode[] = [...root.childNodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const props = syntax.props(node);
    if (props.length) {
      const v = value(node, syntax, base, depth, props);
      for (const p of props) add(p, v);
    }
    // A nested item owns everything inside it.
    if (syntax.isItem(node)) continue;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return out;
}

/** Top-level items (those that are not a property of another item). */
function topItems(elements: Iterable<HtmlElement>, syntax: Syntax, base: string | undefined): JsonObject[] {
  const out: JsonObject[] = [];
  for (const el of elements) {
    if (!syntax.isItem(el) || syntax.props(el).length) continue;
    out.push(item(el, syntax, base, 0));
  }
  return out;
}

export function microdataItems(elements: Iterable<HtmlElement>, base: string | undefined): JsonObject[] {
  return topItems(elements, MICRODATA, base);
}

export function rdfaItems(elements: Iterable<HtmlElement>, base: string | undefined): JsonObject[] {
  return topItems(elements, RDFA, base);
}
