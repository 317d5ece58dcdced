/**
 * The HTML parser behind one small interface. parse5 is a spec-compliant (WHATWG) parser that
 * runs the same in Node and in the browser, so the extractors never touch DOM globals and the
 * unit tests parse pages exactly as the app does. Every other module reaches the tree only
 * through the helpers here.
 */
import { parse, parseFragment, serialize, type DefaultTreeAdapterTypes as T } from 'parse5';

export type HtmlElement = T.Element;
export type HtmlNode = T.Node;
export type HtmlRoot = T.Document | T.DocumentFragment | T.Element;

/** Parses a whole page. `<noscript>` content is parsed as markup: lazy-loading galleries keep
 * their real `<img>` tags there. */
export function parseHtml(html: string): T.Document {
  return parse(html, { scriptingEnabled: false });
}

export function parseHtmlFragment(html: string): T.DocumentFragment {
  return parseFragment(html, { scriptingEnabled: false });
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node;
}

function childrenOf(node: HtmlNode): HtmlNode[] {
  if ('content' in node && node.nodeName === 'template') return (node as T.Template).content.childNodes;
  return 'childNodes' in node ? (node.childNodes as HtmlNode[]) : [];
}

/**
 * Every element under `root` in document order. Iterative, so absurdly deep markup cannot
 * overflow the stack. `skip` prunes a subtree (the element itself is still yielded).
 */
export function* elements(root: HtmlNode, skip?: (el: HtmlElement) => boolean): Generator<HtmlElement> {
  const stack: HtmlNode[] = [...childrenOf(root)].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    yield node;
    if (skip?.(node)) continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

export function attr(el: HtmlElement, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

export function hasAttr(el: HtmlElement, name: string): boolean {
  return el.attrs.some((a) => a.name === name);
}

/** Concatenated text of a subtree (scripts, styles and templates excluded). */
export function textContent(root: HtmlNode): string {
  const parts: string[] = [];
  const stack: HtmlNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      parts.push((node as T.TextNode).value);
      continue;
    }
    if (isElement(node) && (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template')) continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return parts.join('');
}

/** Raw text of a `<script>` or `<style>` element. */
export function rawText(el: HtmlElement): string {
  return el.childNodes.map((n) => (n.nodeName === '#text' ? (n as T.TextNode).value : '')).join('');
}

export function parentElement(el: HtmlElement): HtmlElement | null {
  const p = el.parentNode;
  return p && isElement(p) ? p : null;
}

export function findFirst(root: HtmlNode, test: (el: HtmlElement) => boolean): HtmlElement | undefined {
  for (const el of elements(root)) if (test(el)) return el;
  return undefined;
}

export function classList(el: HtmlElement): string[] {
  return (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
}

/** The markup inside an element (to keep a description's paragraphs and lists). */
export function innerHtml(el: HtmlElement): string {
  return serialize(el);
}
