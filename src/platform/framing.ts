/**
 * Who framed this page. `location.ancestorOrigins` (Chromium, Safari) names every ancestor as
 * the browser sees it; where it is missing (Firefox) the referrer's origin stands in for the
 * parent, and an unknown parent counts as not allowed (fail closed). frame-ancestors headers
 * already stop unlisted sites on hosts that send them; this covers hosts that cannot.
 */
export type Framing = { framed: false } | { framed: true; ancestors: string[] };

export function framing(w: Window = window): Framing {
  if (w.parent === w) return { framed: false };
  const ao = w.location.ancestorOrigins as DOMStringList | undefined;
  if (ao && ao.length) return { framed: true, ancestors: Array.from({ length: ao.length }, (_, i) => ao.item(i)!) };
  try {
    return { framed: true, ancestors: w.document.referrer ? [new URL(w.document.referrer).origin] : [] };
  } catch {
    return { framed: true, ancestors: [] };
  }
}

/** A framed page is allowed when every ancestor is (frame-ancestors checks every one too). */
export function framedBy(f: Framing, allowed: readonly string[]): boolean {
  return f.framed && f.ancestors.length > 0 && f.ancestors.every((a) => allowed.includes(a));
}
