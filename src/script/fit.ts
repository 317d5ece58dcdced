/**
 * Fits a script option to its duration with the real voice: measure, and when the spoken length
 * is outside ±10 % of the duration, rebuild the option from the same structure's pool with more or
 * fewer whole sentences (scaled by how fast the voice really is), measure again — at most a few
 * rounds — and keep the closest.
 *
 * Options the user has edited (text that the structure does not produce) are trimmed or extended
 * in place instead: sentences dropped from the end of the body, or pool sentences not yet in the
 * script inserted before the call to action.
 */
import type { ScriptOption, ScriptSegment } from './types.ts';
import type { StyleId } from './lang/types.ts';
import {
  DURATION_TOLERANCE,
  STYLES,
  buildScript,
  makeContext,
  planStructure,
  type GenerateOptions,
  type ScriptProduct,
  type StructurePlan,
  SHORT_NOTE,
  shortNote,
} from './generate.ts';
import { estimateSeconds } from './estimate.ts';
import { scriptText } from './text.ts';

/**
 * The spoken length of a script given as its scenes' texts (trimmed, none empty): the video
 * voices each scene alone and joins them with pauses, so the scenes are measured the same way.
 */
export type MeasureSeconds = (texts: string[]) => Promise<number>;

export interface FitOptions {
  /** Allowed relative deviation from the duration (default 0.1). */
  tolerance?: number;
  /** Most re-measurements after the first one (default 4). */
  maxRounds?: number;
}

export type FittedOption = ScriptOption & { measuredSeconds: number };

interface Candidate {
  segments: ScriptSegment[];
  estimate: number;
  measured: number;
  /** Estimate target the structure was built for (rebuilt candidates). */
  builtFor?: number;
}

function sentencesOf(text: string): string[] {
  return text.match(/[^.!?…]+[.!?…]+["'”’)]*|[^.!?…]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

/**
 * Measures `option` with `measure` (a real TTS) and brings it within ±10 % of `opts.duration` by
 * whole sentences. Returns the best candidate found; `estimatedSeconds` and `measuredSeconds`
 * both hold its measured length. The option id is kept.
 */
export async function fitScript(
  option: ScriptOption,
  product: ScriptProduct,
  opts: GenerateOptions,
  measure: MeasureSeconds,
  fitOpts: FitOptions = {},
): Promise<FittedOption> {
  const tol = fitOpts.tolerance ?? DURATION_TOLERANCE;
  const maxRounds = fitOpts.maxRounds ?? 4;
  const duration = opts.duration;
  const lang = option.language ?? opts.language;
  const cache = new Map<string, number>();
  const timeOf = async (segments: ScriptSegment[]): Promise<number> => {
    const texts = sceneTexts(segments);
    const key = JSON.stringify(texts);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const s = await measure(texts);
    if (!Number.isFinite(s) || s < 0) throw new Error(`measure returned ${s} seconds`);
    cache.set(key, s);
    return s;
  };
  const off = (c: Candidate) => Math.abs(c.measured - duration);
  const fits = (c: Candidate) => off(c) <= duration * tol;

  const first: Candidate = {
    segments: option.segments,
    estimate: estimateSeconds(scriptText(option), lang),
    measured: await timeOf(option.segments),
  };
  let best = first;
  const done = (c: Candidate): FittedOption => {
    const out: FittedOption = {
      ...option,
      segments: c.segments,
      estimatedSeconds: Math.round(c.measured * 100) / 100,
      measuredSeconds: c.measured,
    };
    // The "not enough details" note follows the real length.
    const notes = (option.notes ?? []).filter((n) => !n.startsWith(SHORT_NOTE));
    const short = shortNote(c.measured, duration);
    if (short) notes.push(short);
    if (notes.length) out.notes = notes;
    else delete out.notes;
    if (c !== first) {
      if (c.builtFor !== undefined) out.builtFor = c.builtFor;
      else delete out.builtFor;
    }
    return out;
  };
  if (fits(first) || first.measured <= 0) return done(first);

  const style = option.style as StyleId;
  const plan = STYLES.includes(style) ? planStructure(makeContext(product, opts), style, duration) : null;
  const builtFor = option.builtFor ?? duration;
  const generated = plan !== null && scriptText(buildScript(plan, builtFor)) === scriptText(option);

  let cur = first;
  for (let round = 0; round < maxRounds; round++) {
    // Seconds of real speech per estimated second, from the latest measurement.
    const ratio = cur.measured / Math.max(0.5, cur.estimate);
    const next = generated && plan
      ? rebuild(plan, duration / ratio, cur.measured > duration, lang, new Set(cache.keys()))
      : edit(cur, plan, duration, ratio, lang);
    if (!next) break;
    const measured = await timeOf(next.segments);
    cur = { ...next, measured };
    if (off(cur) < off(best)) best = cur;
    if (fits(best)) break;
  }
  return done(best);
}

/** What is measured of a script: its scenes' texts, as the video voices them. */
const sceneTexts = (segments: readonly ScriptSegment[]): string[] => segments.map((g) => g.text.trim()).filter(Boolean);

/** The structure rebuilt for a new target; nudged when that gives a script already measured. */
function rebuild(
  plan: StructurePlan,
  target: number,
  shorter: boolean,
  lang: string,
  tried: Set<string>,
): Omit<Candidate, 'measured'> | null {
  for (let k = 0; k < 6; k++) {
    const t = target * (shorter ? 1 - 0.04 * k : 1 + 0.04 * k);
    const b = buildScript(plan, t);
    if (!tried.has(JSON.stringify(sceneTexts(b.segments)))) return { segments: b.segments, estimate: estimateSeconds(scriptText(b), lang), builtFor: t };
  }
  return null;
}

/** Trims or extends an edited script by whole sentences. */
function edit(cur: Candidate, plan: StructurePlan | null, duration: number, ratio: number, lang: string): Omit<Candidate, 'measured'> | null {
  const targetEst = duration / ratio;
  let segments = cur.segments.map((s) => ({ ...s }));
  const est = () => estimateSeconds(scriptText({ segments }), lang);
  if (cur.measured > duration) {
    // Drop sentences from the end of the body (never the first segment or the call to action).
    let guard = 200;
    while (est() > targetEst && guard-- > 0) {
      const idx = findLastIndex(segments, (s, i) => i > 0 && s.scene.kind !== 'cta');
      if (idx < 0) break;
      const seg = segments[idx]!;
      const sents = sentencesOf(seg.text);
      if (sents.length > 1) seg.text = sents.slice(0, -1).join(' ');
      else segments = segments.filter((_, i) => i !== idx);
    }
  } else {
    if (!plan) return null;
    // Add sentences the structure would use for a longer script and the option lacks.
    const have = new Set(segments.flatMap((s) => sentencesOf(s.text)));
    const longer = buildScript(plan, targetEst * 1.5).segments;
    const extra = longer.filter((s) => sentencesOf(s.text).every((x) => !have.has(x)) && s.scene.kind !== 'cta');
    const at = segments.findIndex((s) => s.scene.kind === 'cta');
    const insertAt = at < 0 ? segments.length : at;
    const added: ScriptSegment[] = [];
    for (const s of extra) {
      if (estimateSeconds(scriptText({ segments: [...segments, ...added] }), lang) >= targetEst) break;
      added.push({ ...s });
    }
    if (!added.length) return null;
    segments = [...segments.slice(0, insertAt), ...added, ...segments.slice(insertAt)];
  }
  const text = scriptText({ segments });
  if (text === scriptText({ segments: cur.segments })) return null;
  return { segments, estimate: estimateSeconds(text, lang) };
}

function findLastIndex<T>(arr: readonly T[], pred: (x: T, i: number) => boolean): number {
  for (let i = arr.length - 1; i >= 0; i--) if (pred(arr[i]!, i)) return i;
  return -1;
}
