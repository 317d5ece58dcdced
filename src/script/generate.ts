/**
 * Template script generator: turns product data into several voiceover scripts, each in a proven
 * ad structure and sized to the requested duration. Pure and deterministic (choices are seeded
 * from the input), no DOM.
 *
 * Each structure is assembled from items: a hook, an intro, the selling points (best first), and
 * optional lines (openers, lines between points, a recap, closers, extra call-to-action lines).
 * Mandatory items always go in; optional ones are added by priority while the estimate stays
 * within the duration, so a rich product gets more selling points and a thin one gets its few
 * points re-framed (recap) plus the structure's spoken connective lines — never new facts.
 */
import type { Duration, SceneHint, ScriptOption, ScriptSegment } from './types.ts';
import type { LanguagePack, Line, LineScene, LineTemplate, PointKind, StructureText, StyleId } from './lang/types.ts';
import { packFor } from './lang/index.ts';
import { detectCategory, extractPointsInfo, type SellingPoint } from './points.ts';
import { estimateSeconds } from './estimate.ts';
import { capitalizeFirst, cleanInline, countSentences, countWords, hash32, languageCode, lowerFirst, scriptText, unshout } from './text.ts';
import { spokenPrice } from './price.ts';

export interface ScriptProduct {
  name: string;
  description: string;
  features: string[];
  price?: string;
  brand?: string;
  /** Number of product images the video will show (scene hints index 0..imageCount-1). */
  imageCount: number;
}

export interface GenerateOptions {
  language: string;
  duration: Duration;
}

/** Structures in the order they are offered. "listicle" only appears with ≥ 3 selling points. */
export const STYLES: readonly StyleId[] = ['hook-benefits-cta', 'problem-solution', 'demo', 'offer-value', 'listicle'];

/** Allowed deviation of an option's length from the duration. */
export const DURATION_TOLERANCE = 0.1;
/** Most optional lines of one kind in a script. */
const ROLE_CAP: Partial<Record<Role, number>> = { open: 1, close: 3, ctaExtra: 1, mid: 5, spotlight: 6, recap: 5 };

type Slots = Record<string, string | undefined>;

export interface ScriptContext {
  pack: LanguagePack;
  /** Language the caller asked for (normalised). */
  requested: string;
  /** True when `requested` has no templates and English ones were used. */
  fallback: boolean;
  seed: number;
  images: number;
  name: string;
  slots: Slots;
  points: SellingPoint[];
  verbPoint?: SellingPoint;
  keep: Set<string>;
  /** Things the user should know about every option (left-out lines…). */
  notes: string[];
}

type Role = 'hook' | 'afterHook' | 'intro' | 'open' | 'point' | 'mid' | 'spotlight' | 'recapHeader' | 'recap' | 'key' | 'close' | 'cta' | 'ctaExtra';
const ROLE_ORDER: readonly Role[] = ['hook', 'afterHook', 'intro', 'open', 'point', 'spotlight', 'recapHeader', 'recap', 'key', 'close', 'cta', 'ctaExtra'];

interface Item {
  key: string;
  role: Role;
  priority: number;
  mandatory?: boolean;
  /** Never picked on its own; only added along with an item naming it in `withItem`. */
  auxiliary?: boolean;
  group?: string;
  needsGroup?: string;
  withItem?: string;
  line?: LineTemplate;
  point?: SellingPoint;
  short?: boolean;
  /** Order among optional lines of the same role (template order). */
  seq?: number;
}

export interface StructurePlan {
  style: StyleId;
  structure: StructureText;
  ctx: ScriptContext;
  items: Item[];
}

export interface BuiltScript {
  segments: ScriptSegment[];
  estimatedSeconds: number;
  /** Keys of the items used: the same keys give the same script. */
  keys: string[];
  pointCount: number;
}

// ---------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------

/** The product name as it should be spoken: marketplace titles are cut to the name itself. */
export function spokenName(raw: string): string {
  let n = unshout(cleanInline(raw));
  const cut = n.split(/\s+[|–—-]\s+|\s*[,(:|/]\s+|\s*[(|]\s*/)[0]?.trim();
  if (cut && cut.length >= 2) n = cut;
  const words = n.split(/\s+/).filter(Boolean);
  if (words.length > 6) {
    const i = words.findIndex((w, k) => k >= 2 && (/\d/.test(w) || /^(for|with|in|and|para|con)$/i.test(w)));
    n = words.slice(0, i > 0 ? Math.min(i, 6) : 6).join(' ');
  }
  return n.replace(/[\s.,;:!\-–—]+$/, '').trim();
}

export function makeContext(product: ScriptProduct, opts: GenerateOptions): ScriptContext {
  const requested = languageCode(opts.language);
  const found = packFor(requested);
  const pack = found.pack;
  const name = spokenName(product.name ?? '') || pack.fallbackName;
  const brandRaw = unshout(cleanInline(product.brand));
  const brand = brandRaw && !name.toLowerCase().includes(brandRaw.toLowerCase()) ? brandRaw : undefined;
  const priceRaw = cleanInline(product.price);
  const price = priceRaw && priceRaw.length <= 32 && /[\p{N}]/u.test(priceRaw) ? spokenPrice(priceRaw, pack) : undefined;
  const description = String(product.description ?? '');
  const features = (Array.isArray(product.features) ? product.features : []).map((f) => String(f ?? ''));
  const src = { name, description, features };
  const { points, unreadable } = extractPointsInfo(src, pack);
  const cat = detectCategory({ ...src, name: cleanInline(product.name) }, pack);
  // A verb phrase the hook can say about the product itself ("What if your kettle could keep
  // water hot?"): bare verb features, or statements whose subject is the product, not a part of it.
  const nameWords = new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const aboutProduct = (subject: string | undefined) => {
    if (!subject) return true;
    const w = subject.split(/\s+/);
    const head = w[w.length - 1]!;
    return head === 'it' || head === 'this' || head === cat?.noun || nameWords.has(head);
  };
  // Specs make silly dreams ("What if your lamp could weigh 1.1 pounds?"): benefits only.
  const specVerb = /^(weigh|measure|include|feature|have|come|contain|use|cost)\b/i;
  const verbPoint = points.find(
    (p) => p.verb && p.source !== 'derived' && countWords(p.verb) <= 12 && aboutProduct(p.subject) && !specVerb.test(p.verb),
  );
  const nameWordList = name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  const headWord = (pack.category.headFirst ? nameWordList[0] : nameWordList[nameWordList.length - 1]) ?? '';
  const namedByCategory = !!cat && (headWord === cat.noun || headWord === pack.category.plural(cat.noun));
  // "The Nimbus Earbuds": they're, they come, see them.
  const plural = namedByCategory && !!cat?.plural;
  const slots: Slots = {
    name: pack.nameInSentence(name, namedByCategory ? cat?.noun : undefined, plural),
    bare_name: name,
    brand,
    price,
    thing: cat?.noun,
    things: cat ? (cat.plural ? cat.noun : pack.category.plural(cat.noun)) : undefined,
    a_thing: cat && (!cat.plural || cat.pluralOnly) ? pack.category.indefinite(cat.noun, cat.pluralOnly) : undefined,
    this_thing: cat ? pack.category.demonstrative(cat.noun, cat.plural) : undefined,
    ...pack.agreement(plural, !!cat?.pluralOnly, cat?.noun),
    verb: verbPoint?.verb ? lowerFirst(verbPoint.verb, undefined, pack.locale) : undefined,
    verb3: verbPoint?.verb3 ? lowerFirst(verbPoint.verb3, undefined, pack.locale) : undefined,
  };
  // Words of the name keep their capital ("Aurora keeps…") unless the shop also writes them in
  // lower case, as common nouns ("Botol Termos Aurora" … "mulut botol"): "untuk awalan, botol…".
  const keep = new Set<string>(pack.properNouns);
  const copy = `${description.slice(0, 20_000)}\n${features.join('\n')}`;
  for (const w of `${name} ${brand ?? ''}`.split(/[^\p{L}\p{N}'’-]+/u)) {
    if (!w) continue;
    const lower = w.toLocaleLowerCase(pack.locale);
    const common = lower !== w && new RegExp(`(^|[^\\p{L}])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(copy);
    if (!common) keep.add(lower);
  }
  const seed = hash32(
    [name, description.slice(0, 4000), features.join('\n'), brand ?? '', price ?? '', pack.code, String(product.imageCount)].join('\u0001'),
  );
  const images = Math.max(0, Math.floor(Number(product.imageCount) || 0));
  const notes: string[] = [];
  if (unreadable > 0 && pack.unreadableNote) notes.push(pack.unreadableNote);
  return { pack, requested, fallback: !found.exact, seed, images, name, slots, points, verbPoint, keep, notes };
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

function tpl(l: Line): LineTemplate {
  return typeof l === 'string' ? { t: l } : l;
}

function fill(t: string, slots: Slots): string | null {
  let ok = true;
  const out = t.replace(/\{(\w+)\}/g, (_m, k: string) => {
    const v = slots[k];
    if (v === undefined || v === null || v === '') {
      ok = false;
      return '';
    }
    return v;
  });
  return ok ? tidy(out) : null;
}

function tidy(s: string): string {
  return s
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.!?;:،؛؟。、！？：；।])/g, '$1')
    .replace(/([.!?؟。！？।])[.。।]+/g, '$1')
    .replace(/[,，、،]([.。।])/g, '$1')
    .replace(/[:：]\s*([.。।])/g, '$1')
    // No space after full-width punctuation (Chinese, Japanese).
    .replace(/([、，。：！？])\s+/g, '$1')
    .trim();
}

function eligible(lines: readonly Line[] | undefined, ctx: ScriptContext, duration: number, slots: Slots = ctx.slots): LineTemplate[] {
  return (lines ?? [])
    .map(tpl)
    .filter((l) => (l.minImages ?? 0) <= ctx.images)
    .filter((l) => !l.durations || l.durations.includes(duration))
    .filter((l) => fill(l.t, slots) !== null);
}

function pick<T>(list: readonly T[], seed: number, salt: string): T | undefined {
  if (list.length === 0) return undefined;
  return list[hash32(`${seed}:${salt}`) % list.length];
}

function pickLine(
  lines: readonly Line[] | undefined,
  ctx: ScriptContext,
  duration: number,
  salt: string,
  slots: Slots = ctx.slots,
  exclude?: (l: LineTemplate) => boolean,
): LineTemplate | undefined {
  let ok = eligible(lines, ctx, duration, slots).filter((l) => !exclude?.(l));
  if (duration <= 15 && ok.length > 2) {
    // Short ads: pick among the shorter half of the lines.
    const len = (l: LineTemplate) => countWords(fill(l.t, slots) ?? l.t);
    const sorted = ok.map(len).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    ok = ok.filter((l) => len(l) <= median);
    return pick(ok, ctx.seed, salt);
  }
  const preferred = ok.filter((l) => l.prefer);
  return pick(preferred.length ? preferred : ok, ctx.seed, salt);
}

const GLUE = new Set('the a an to it and of you is that for in on your this at with just el la de que y en'.split(' '));

/** Word pairs of a line, minus pairs of glue words: lines sharing one say the same thing. */
function trigrams(s: string): Set<string> {
  const w = s.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) if (!GLUE.has(w[i]!) || !GLUE.has(w[i + 1]!)) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

function rotate<T>(list: readonly T[], by: number): T[] {
  if (list.length === 0) return [];
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

// ---------------------------------------------------------------------------------------------
// Plan: the items a structure may use
// ---------------------------------------------------------------------------------------------

export function planStructure(ctx: ScriptContext, style: StyleId, duration: number): StructurePlan | null {
  const st = ctx.pack.structures[style];
  if (!st) return null;
  const realPoints = ctx.points.filter((p) => p.source !== 'derived');
  if (st.minPoints && realPoints.length < st.minPoints) return null;
  const items: Item[] = [];
  const { pack } = ctx;
  // Plan-time slots: the point count is only known once the points are chosen.
  const planSlots: Slots = { ...ctx.slots, n: 'three', N: 'Three' };

  const hook = pickLine(st.hooks, ctx, duration, `${style}:hook`, planSlots);
  if (!hook) return null;
  items.push({ key: 'hook', role: 'hook', priority: 1000, mandatory: true, line: hook });
  const hookUsesVerb = /\{verb3?\}/.test(hook.t);
  const hookSlots = new Set([...hook.t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
  const notAfterHook = (l: LineTemplate) => !!l.unlessHookHas && hookSlots.has(l.unlessHookHas);
  (hook.next ?? []).forEach((t, i) => {
    if (fill(t, ctx.slots) !== null) items.push({ key: `after${i}`, role: 'afterHook', priority: 99.5 - i, group: 'afterHook', line: { t }, seq: i });
  });
  if (!/\{name\}/.test(hook.t)) {
    const intro = pickLine(st.intros ?? [{ t: '{name}.' }], ctx, duration, `${style}:intro`);
    if (intro) items.push({ key: 'intro', role: 'intro', priority: 1000, mandatory: true, line: intro });
  }
  const key = pickLine(st.keyLines, ctx, duration, `${style}:key`, ctx.slots, notAfterHook);
  if (key) items.push({ key: 'key', role: 'key', priority: 1000, mandatory: true, line: key });
  // The price is said at most twice: in the key line, and in the hook or the call to action.
  // In a 15 s ad one mention is enough: the time goes to a selling point instead.
  const hookHasPrice = /\{price\}/.test(hook.t) || (duration <= 15 && !!key && /\{price\}/.test(key.t));
  const cta = pickLine(st.ctas, ctx, duration, `${style}:cta`, ctx.slots, (l) => notAfterHook(l) || (hookHasPrice && /\{price\}/.test(l.t)));
  if (!cta) return null;
  items.push({ key: 'cta', role: 'cta', priority: 1000, mandatory: true, line: cta });

  // Selling points: full reading, else the short one. With little material a recap re-uses the
  // chosen points in other words instead of padding.
  const recap = !!st.recap;
  for (const p of ctx.points) {
    if (style === 'listicle' && p.source === 'derived') continue;
    const usedInHook = hookUsesVerb && p === ctx.verbPoint;
    const base = (usedInHook ? 30 : p.source === 'derived' ? 45 : 100) - p.rank;
    const group = `p${p.rank}`;
    const parentGroup = p.parent !== undefined ? `p${p.parent}` : undefined;
    items.push({ key: `${group}`, role: 'point', priority: base, group, point: p, needsGroup: parentGroup });
    if (p.short) items.push({ key: `${group}s`, role: 'point', priority: base - 55, group, point: p, short: true });
    if (recap && p.source !== 'derived') {
      items.push({ key: `s${p.rank}`, role: 'spotlight', priority: 25 - p.rank, needsGroup: group, point: p });
      // Clauses ("the arm folds flat") don't read well as list items; phrases do.
      if (p.kind !== 'statement' && p.kind !== 'verb' && p.kind !== 'imperative' && (p.kind !== 'fragment' || p.words <= 8)) {
        items.push({ key: `r${p.rank}`, role: 'recap', priority: 20 - p.rank, needsGroup: group, withItem: 'recapHeader', point: p });
      }
    }
  }
  if (recap) {
    const header = pickLine(pack.recapLines, ctx, duration, `${style}:recap`, { ...ctx.slots, list: 'x' });
    if (header) items.push({ key: 'recapHeader', role: 'recapHeader', priority: 0, auxiliary: true, line: header });
  }

  // Optional spoken lines: the structure's own first, then the shared ones; none that repeats
  // three words of the hook or the call to action ("see it for yourself" twice).
  const seen = new Set(items.filter((i) => i.line).map((i) => i.line!.t));
  const fixed = [hook.t, cta.t].map((t) => trigrams(fill(t, planSlots) ?? t));
  const addLines = (role: Role, own: readonly Line[] | undefined, shared: readonly Line[], ownPriority: number) => {
    const lists: Array<[LineTemplate[], number]> = [
      [rotate(eligible(own, ctx, duration), hash32(`${ctx.seed}:${style}:${role}`)), ownPriority],
      [rotate(eligible(shared, ctx, duration), hash32(`${ctx.seed}:${style}:${role}:g`)), ownPriority - 5],
    ];
    for (const [list, pr] of lists) {
      list.forEach((l, i) => {
        if (seen.has(l.t)) return;
        const tri = trigrams(fill(l.t, planSlots) ?? l.t);
        if (fixed.some((f) => [...tri].some((x) => f.has(x)))) return;
        fixed.push(tri);
        seen.add(l.t);
        const seq = (pr === ownPriority ? 0 : 100) + (own ?? shared).map((x) => tpl(x).t).concat(shared.map((x) => tpl(x).t)).indexOf(l.t);
        // One opener is enough; the other optional lines may add up.
        const group = role === 'open' && duration < 60 ? 'open' : undefined;
        items.push({ key: `${role}${items.length}`, role, priority: pr - i * 0.1, line: l, seq, group });
      });
    }
  };
  addLines('close', st.closes, pack.generic.closes, duration >= 30 ? 95.5 : 9);
  addLines('open', st.opens, pack.generic.opens, duration >= 60 ? 95 : 9);
  addLines('mid', st.mids, pack.generic.mids, 8.5);
  addLines('ctaExtra', st.ctaExtras, pack.generic.ctaExtras, 8);
  return { style, structure: st, ctx, items };
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

interface RenderState {
  names: number;
  brands: number;
  lastFrame: Partial<Record<PointKind, string>>;
  frameUse: Map<string, number>;
  lastStartsAnd: boolean;
  lastConn: string;
}

/** Upper-cases the first letter in the pack's locale (Turkish dotted İ). */
function cap(ctx: ScriptContext, s: string): string {
  return capitalizeFirst(s, ctx.pack.locale);
}

/** Lower-cases a point's first letter, unless the language capitalises nouns (German). */
function low(ctx: ScriptContext, s: string): string {
  return ctx.pack.keepCase ? s : lowerFirst(s, ctx.keep, ctx.pack.locale);
}

function pointSlots(ctx: ScriptContext, p: SellingPoint, short: boolean): Slots {
  const { pack } = ctx;
  const base = short && p.short ? p.short : p.text;
  const agree = ctx.slots;
  const be = pack.be?.(!!p.plural);
  const common: Slots = {
    it: agree.it,
    It: agree.It,
    itis: agree.itis,
    Itis: agree.Itis,
    cop: p.copula === 'estar' ? agree.estar : agree.ser,
  };
  if (p.kind === 'spec' && p.key && p.value) {
    const value = low(ctx, p.value);
    const { kv, item } = pack.specPhrases(p.key, value, !!p.plural);
    return {
      ...common,
      kv,
      spec_item: item,
      key: p.key,
      Key: cap(ctx, p.key),
      value: low(ctx, p.value),
      Value: cap(ctx, p.value),
      be,
      p: low(ctx, base),
      P: cap(ctx, base),
    };
  }
  if (p.kind === 'box' && p.value) {
    return { ...common, value: low(ctx, p.value), Value: cap(ctx, p.value), p: low(ctx, base), P: cap(ctx, base) };
  }
  const item = p.kind === 'included' && p.value ? p.value : base;
  let lowered = low(ctx, item);
  // "Cork handle stays cool" → "the cork handle stays cool" (not for names: "Aurora keeps…").
  if (p.article && /^\p{Ll}/u.test(lowered)) lowered = pack.definite(lowered);
  // Verb phrases agree with the product: "it keeps" / "they keep".
  const v = p.kind === 'verb' && agree.s === '' && p.verb ? low(ctx, p.verb) : lowered;
  // English "there's the cap" / "there are the touch controls".
  const there = p.plural ? 'there are' : "there's";
  return { ...common, p: lowered, P: cap(ctx, lowered), v, the_p: pack.definite(low(ctx, item)), be, there };
}

function countName(s: string, name: string): number {
  if (!name) return 0;
  return s.split(name).length - 1;
}

function renderPoint(
  ctx: ScriptContext,
  plan: StructurePlan,
  p: SellingPoint,
  short: boolean,
  idx: number,
  n: number,
  state: RenderState,
): string {
  const { pack, seed } = ctx;
  const st = plan.structure;
  const pos: 'first' | 'middle' | 'last' = idx === 0 ? 'first' : idx === n - 1 ? 'last' : 'middle';
  const slots = pointSlots(ctx, p, short);
  const styleSalt = hash32(`${seed}:${plan.style}`);

  if (st.labels && n >= 2) {
    const list = st.labels[pos];
    const li = st.alignedLabels ? styleSalt : styleSalt + (pos === 'middle' ? idx : 0);
    const k = pack.ordinal ? pack.ordinal(idx + 1) : pack.numberWord(idx + 1);
    const label = fill(list[li % list.length] ?? '', { k, K: cap(ctx, k) }) ?? '';
    const bare = fill(pack.bare[p.kind], slots) ?? low(ctx, p.text);
    return cap(ctx, tidy(`${label} ${bare}${pack.stop ?? '.'}`));
  }

  const frames = st.frames?.[p.kind] ?? pack.frames[p.kind];
  const conns = (st.connectors ?? pack.connectors)[pos];
  let conn = n > 1 ? (conns[(styleSalt + idx) % conns.length] ?? '') : '';
  // Never the same connector twice in a row ("Plus, … Plus, …").
  for (let k = 1; conn && conn === state.lastConn && k < conns.length; k++) conn = conns[(styleSalt + idx + k) % conns.length] ?? '';
  const text = slots.p ?? '';
  if (pack.conjunctionStart?.test(text)) conn = '';
  const start = (styleSalt + idx * 7 + p.rank) % frames.length;
  // Least-used frame first (then rotation order), never the same one twice in a row.
  const order = frames
    .map((f, i) => ({ f, i: (i - start + frames.length) % frames.length }))
    .sort((a, b) => (state.frameUse.get(a.f) ?? 0) - (state.frameUse.get(b.f) ?? 0) || a.i - b.i)
    .map((x) => x.f);
  for (const f of order) {
    if (f === state.lastFrame[p.kind] && frames.length > 1) continue;
    const nameOk = state.names < 2;
    // "And" twice in a row ("And yes, …" after "And …") reads badly: drop the connector.
    const c = /^and\b/i.test(conn) && state.lastStartsAnd ? '' : conn;
    const out = fill(f, { ...slots, c: f.includes('{c}') ? c || '\u0000' : undefined, name: nameOk ? ctx.slots.name : undefined });
    if (out === null) continue;
    // "It's dishwasher safe, too." / "And yes, …" need something before them.
    if (pos === 'first' && !f.includes('{c}') && /^(and|plus|also|y|además)\b|\balso\b|,? (too|también)\.$/i.test(out)) continue;
    if (state.lastStartsAnd && !f.includes('{c}') && /^and\b/i.test(out)) continue;
    state.lastFrame[p.kind] = f;
    state.lastConn = f.includes('{c}') ? c : '';
    state.frameUse.set(f, (state.frameUse.get(f) ?? 0) + 1);
    const line = cap(ctx, tidy(out.replace('\u0000', '')));
    state.lastStartsAnd = /^and\b/i.test(line);
    return line;
  }
  return cap(ctx, tidy(`${conn}${text}${pack.stop ?? '.'}`));
}

function recapItem(ctx: ScriptContext, p: SellingPoint): string {
  const slots = pointSlots(ctx, p, true);
  const item = fill(ctx.pack.recapItem[p.kind], slots) ?? slots.p ?? p.text;
  // Keep list items short: "Bluetooth 5.3 for a stable connection" → "Bluetooth 5.3".
  const head = item.split(/,\s|\s(?:for|with|so|that|which|para|con|que)\s/)[0]!;
  return countWords(head) >= 2 ? head : item;
}

const sentences = countSentences;

interface Piece {
  text: string;
  scene: LineScene;
  role: Role;
}

export function renderItems(plan: StructurePlan, chosen: readonly Item[]): BuiltScript {
  const { ctx } = plan;
  const byRole = new Map<Role, Item[]>();
  for (const it of chosen) {
    const list = byRole.get(it.role) ?? [];
    list.push(it);
    byRole.set(it.role, list);
  }
  const allPoints = (byRole.get('point') ?? []).slice().sort((a, b) => a.point!.rank - b.point!.rank);
  // Facets split off a point follow it as "Look at that …" lines, outside any numbering.
  const points = allPoints.filter((it) => it.point!.source !== 'derived');
  const facets = allPoints.filter((it) => it.point!.source === 'derived');
  const n = points.length;
  const slots: Slots = { ...ctx.slots, n: ctx.pack.numberWord(n), N: cap(ctx, ctx.pack.numberWord(n)) };
  const state: RenderState = { names: 0, brands: 0, lastFrame: {}, frameUse: new Map(), lastStartsAnd: false, lastConn: '' };
  const pieces: Piece[] = [];
  const push = (raw: string | null, scene: LineScene, role: Role) => {
    if (!raw) return;
    const text = ctx.pack.polish ? ctx.pack.polish(raw) : raw;
    state.names += countName(text, ctx.name);
    if (ctx.slots.brand) state.brands += countName(text, ctx.slots.brand);
    pieces.push({ text, scene, role });
  };
  const lineScene = (it: Item, dflt: LineScene): LineScene => it.line?.scene ?? dflt;

  for (const role of ROLE_ORDER) {
    const its = role === 'point' ? points : (byRole.get(role) ?? []).slice().sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    if (role === 'point') {
      // About one in-between line per gap between points (one more where material is thin).
      const mids = (byRole.get('mid') ?? [])
        .slice()
        .sort((a, b) => b.priority - a.priority)
        .slice(0, Math.max(1, n + 1))
        .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      // Spread the in-between lines evenly among the points.
      const after = new Map<number, Item[]>();
      mids.forEach((m, j) => {
        const at = n === 0 ? -1 : Math.min(n - 1, Math.floor(((j + 0.5) * n) / mids.length));
        after.set(at, [...(after.get(at) ?? []), m]);
      });
      for (const m of after.get(-1) ?? []) push(fill(m.line!.t, slots), lineScene(m, 'product'), 'mid');
      const facetText = (it: Item, j: number) => {
        const frames = ctx.pack.facetFrames;
        const f = frames[(hash32(`${ctx.seed}:${plan.style}`) + j) % frames.length]!;
        return cap(ctx, tidy(f.replace('{that_p}', ctx.pack.demonstrative(low(ctx, it.point!.text)))));
      };
      let fj = 0;
      points.forEach((it, i) => {
        push(renderPoint(ctx, plan, it.point!, !!it.short, i, n, state), 'product', 'point');
        for (const f of facets.filter((x) => x.point!.parent === it.point!.rank)) push(facetText(f, fj++), 'product', 'point');
        for (const m of after.get(i) ?? []) push(fill(m.line!.t, slots), lineScene(m, 'product'), 'mid');
      });
      continue;
    }
    if (role === 'spotlight') {
      its.sort((a, b) => a.point!.rank - b.point!.rank).forEach((it, i) => {
        const pre = ctx.pack.spotlight[(hash32(`${ctx.seed}:${plan.style}`) + i) % ctx.pack.spotlight.length]!;
        const bare = fill(ctx.pack.bare[it.point!.kind], pointSlots(ctx, it.point!, true));
        push(bare ? cap(ctx, tidy(pre.replace('{bare}', bare))) : null, 'product', 'spotlight');
      });
      continue;
    }
    if (role === 'recap') {
      if (its.length < 2) continue; // a one-item recap is just a repeat
      const header = (byRole.get('recapHeader') ?? [])[0]?.line;
      const list = ctx.pack.list(its.sort((a, b) => a.point!.rank - b.point!.rank).map((it) => recapItem(ctx, it.point!)));
      if (header) push(cap(ctx, fill(header.t, { ...slots, list }) ?? ''), 'product', 'recap');
      continue;
    }
    if (role === 'recapHeader') continue;
    for (const it of its) {
      const dflt: LineScene = role === 'cta' || role === 'ctaExtra' ? 'cta' : role === 'key' ? 'product' : 'presenter';
      // Optional lines don't repeat the name once it has been said twice.
      if (!it.mandatory && state.names >= 2 && /\{(bare_)?name\}/.test(it.line!.t)) continue;
      if (!it.mandatory && state.brands >= 1 && /\{brand\}/.test(it.line!.t)) continue;
      push(fill(it.line!.t, slots), lineScene(it, dflt), role);
    }
  }

  // Merge short neighbours into one- or two-sentence segments.
  const merged: Piece[] = [];
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    const canMerge =
      prev &&
      ((prev.role === 'recapHeader' && p.role === 'recap') ||
        (prev.scene === p.scene &&
          p.scene !== 'product' &&
          sentences(prev.text) + sentences(p.text) <= 2 &&
          countWords(prev.text) + countWords(p.text) <= 22));
    if (prev && canMerge) {
      prev.text = /[。！？]$/.test(prev.text) ? `${prev.text}${p.text}` : `${prev.text} ${p.text}`;
      prev.role = p.role;
    } else merged.push({ ...p });
  }

  let img = 0;
  const segments: ScriptSegment[] = merged.map((p) => {
    let scene: SceneHint;
    if (p.scene === 'product' && ctx.images > 0) scene = { kind: 'product', image: img++ % ctx.images };
    else if (p.scene === 'cta') scene = { kind: 'cta' };
    else scene = { kind: 'presenter' };
    return { text: p.text, scene };
  });
  const estimatedSeconds = estimateSeconds(scriptText({ segments }), ctx.pack.code);
  return { segments, estimatedSeconds, keys: chosen.map((c) => c.key).sort(), pointCount: n };
}

/**
 * Picks the items for a target length (in estimated seconds): mandatory ones, then optional
 * ones by priority while the estimate stays at or under target·(1 + slack).
 */
export function buildScript(plan: StructurePlan, target: number, slack = 0.03): BuiltScript {
  const hi = target * (1 + slack);
  const enough = target * 0.97;
  const byKey = new Map(plan.items.map((i) => [i.key, i] as const));
  let chosen = plan.items.filter((i) => i.mandatory);
  let built = renderItems(plan, chosen);
  const groups = new Set<string>();
  const optional = plan.items
    .filter((i) => !i.mandatory && !i.auxiliary)
    .sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key));
  const perRole = new Map<Role, number>();
  for (const it of optional) {
    if (built.estimatedSeconds >= enough) break;
    if (it.group && groups.has(it.group)) continue;
    // Saying a point twice is fine in a long ad, tiring in a short one.
    const long = target >= 45;
    const cap = it.role === 'spotlight' ? (long ? 5 : 2) : long && (it.role === 'close' || it.role === 'open') ? ROLE_CAP[it.role]! + 1 : ROLE_CAP[it.role];
    if (cap !== undefined && (perRole.get(it.role) ?? 0) >= cap) continue;
    if (it.needsGroup && !groups.has(it.needsGroup)) continue;
    const trial = [...chosen, it];
    if (it.withItem && !chosen.some((c) => c.key === it.withItem)) {
      const aux = byKey.get(it.withItem);
      if (!aux) continue;
      trial.push(aux);
    }
    const b = renderItems(plan, trial);
    // A line the renderer left out (name said often enough already) adds nothing: skip it.
    // (A first recap item is silent until a second one joins it.)
    if (b.estimatedSeconds <= built.estimatedSeconds && it.role !== 'recap') continue;
    if (b.estimatedSeconds <= hi) {
      chosen = trial;
      built = b;
      if (it.group) groups.add(it.group);
      perRole.set(it.role, (perRole.get(it.role) ?? 0) + 1);
    }
  }
  return built;
}

export function toOption(plan: StructurePlan, built: BuiltScript, duration: Duration, builtFor: number = duration): ScriptOption {
  const text = scriptText(built);
  const option: ScriptOption = {
    id: `${plan.style}-${duration}-${hash32(text).toString(36)}`,
    style: plan.style,
    title: plan.structure.title,
    segments: built.segments,
    estimatedSeconds: built.estimatedSeconds,
    language: plan.ctx.pack.code,
    languageFallback: plan.ctx.fallback,
    targetSeconds: duration,
    builtFor,
  };
  const notes = [...plan.ctx.notes];
  const short = shortNote(built.estimatedSeconds, duration);
  if (short) notes.push(short);
  if (notes.length) option.notes = notes;
  return option;
}

/** Prefix of the note saying the product data cannot fill the duration. */
export const SHORT_NOTE = 'Not enough product details';

/** The note for a script that runs short of the duration window, or null when it fits. */
export function shortNote(seconds: number, duration: number): string | null {
  if (seconds >= duration * (1 - DURATION_TOLERANCE)) return null;
  return `${SHORT_NOTE} for ${duration} s: this script runs about ${Math.round(seconds)} s. Add features or a longer description, or pick a shorter duration.`;
}

/** Is the built script usable for its structure (e.g. a listicle needs at least 3 reasons)? */
export function usable(plan: StructurePlan, built: BuiltScript, duration: number): boolean {
  if (plan.style === 'listicle') {
    // Optional structure: only offered when it has the material to fill the duration.
    if (built.pointCount < 3) return false;
    // Half the tolerance: the voice may run a little faster or slower than the estimate, and a
    // numbered list has no filler lines to adjust with.
    if (Math.abs(built.estimatedSeconds - duration) > (duration * DURATION_TOLERANCE) / 2) return false;
  }
  return true;
}

/**
 * Writes script options for the product: at least four distinct structures (hook → benefits →
 * CTA, problem → solution, what you get, value/offer) plus "N reasons" when there is material,
 * each sized to `opts.duration` by the estimate.
 */
export function generateScripts(product: ScriptProduct, opts: GenerateOptions): ScriptOption[] {
  const ctx = makeContext(product, opts);
  const out: ScriptOption[] = [];
  const texts = new Set<string>();
  for (const style of STYLES) {
    const plan = planStructure(ctx, style, opts.duration);
    if (!plan) continue;
    const built = buildScript(plan, opts.duration);
    if (!usable(plan, built, opts.duration)) continue;
    const option = toOption(plan, built, opts.duration);
    const text = scriptText(option);
    if (texts.has(text)) continue;
    texts.add(text);
    out.push(option);
  }
  return out;
}
