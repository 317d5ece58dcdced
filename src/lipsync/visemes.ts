import type { PhonemeTiming } from '../voice/types.ts';
import type { MouthShape, Viseme, VisemeKey } from './types.ts';

/*
 * The viseme engine: IPA phonemes (as espeak-ng reports them) → a viseme track → a mouth shape
 * at any instant, with co-articulation. Pure and deterministic; mouthAt is cheap enough to be
 * called every frame (binary search plus a handful of neighbours).
 */

// ---------------------------------------------------------------------------------------------
// Phoneme → viseme
// ---------------------------------------------------------------------------------------------

/** Multi-letter sounds whose look differs from their first letter (affricates and the like). */
const CLUSTERS: readonly (readonly [string, Viseme])[] = [
  ['tʃ', 'CH'], ['dʒ', 'CH'], ['tɕ', 'CH'], ['dʑ', 'CH'], ['ʈʂ', 'CH'], ['ɖʐ', 'CH'],
  ['ts', 'SS'], ['dz', 'SS'], ['tʂ', 'CH'],
  ['pf', 'PP'], ['kx', 'kk'],
];

const SINGLE: Record<string, Viseme> = {};
function assign(chars: string, v: Viseme): void {
  for (const c of chars) SINGLE[c] = v;
}
// Lips closed.
assign('pbmɓʙ', 'PP');
// Upper teeth on the lower lip (ɱ is the labiodental nasal, ʋ the labiodental approximant).
assign('fvɱʋ', 'FF');
// Bilabial fricatives (Spanish b/v between vowels, Japanese f): lips nearly closed.
assign('ɸβ', 'PP');
// Tongue between the teeth.
assign('θð', 'TH');
// Tongue tip on the ridge: t d, flaps, retroflex and implosive stops.
assign('tdɾʈɖɗɽ', 'DD');
// Back of the tongue: velars, uvulars, glottals (the jaw stays neutral, slightly open).
assign('kgɡcɟŋqɢxɣχʁʀħʕhɦʔ', 'kk');
// Post-alveolar / palatal sibilants.
assign('ʃʒɕʑʂʐ', 'CH');
// Alveolar sibilants and the palatal fricative (German ich: spread lips, teeth close).
assign('szçʝ', 'SS');
// Nasals and laterals with the tongue up.
assign('nlɫɲɳʎɭɬɮʟɴ', 'nn');
// Rhotics with lip rounding (English r, r-coloured vowels).
assign('rɹɻɚɝɜ', 'RR');
// Open vowels.
assign('aɑɐʌæɶ', 'aa');
// Mid front / central unrounded vowels.
assign('eɛəɘɤ', 'E');
// Close front / central unrounded vowels and the palatal glide.
assign('iɪɨᵻɯj', 'ih');
// Mid rounded vowels (ɒ is English "lot", open but rounded).
assign('oɔɒøœɵɞ', 'oh');
// Close rounded vowels and rounded glides.
assign('uʊʉʏwɥʍy', 'ou');

/** Marks that change nothing about the lips: stress, length, tie bars, syllabicity, tones… */
const STRIP_RE = /[ˈˌ'ːˑ:ʰʱʲʷˠˤⁿˡˀ˞‿.|%=,!\-_0-9]/gu;
/** Combining marks (nasal tilde, syllabic, tie bars…): NFD splits them off their letters. */
const MARKS_RE = /\p{M}/gu;

/**
 * The viseme for one phoneme as espeak-ng writes it in IPA ("ˈoʊ", "ɜː", "ld", "tʃ", "ɑ̃"…).
 * Stress and length marks are ignored; diphthongs and clusters take their first sound,
 * affricates their sibilant look; pauses and anything unknown are "sil".
 */
export function phonemeToViseme(ph: string): Viseme {
  if (!ph) return 'sil';
  const s = ph
    .normalize('NFD')
    .replace(/c\u0327/g, 'ç')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(STRIP_RE, '');
  if (!s) return 'sil';
  for (const [cluster, v] of CLUSTERS) if (s.startsWith(cluster)) return v;
  for (const c of s) {
    const v = SINGLE[c];
    if (v) return v;
  }
  return 'sil';
}

// ---------------------------------------------------------------------------------------------
// Phoneme timings → viseme track
// ---------------------------------------------------------------------------------------------

/** Gaps at least this long (seconds) become silence; shorter ones are bridged. */
export const GAP_TO_SILENCE = 0.08;

/**
 * The viseme track of a phoneme list: sorted, non-overlapping, contiguous keys. Neighbours with
 * the same viseme merge; gaps ≥ 80 ms (including one before the first phoneme) become "sil",
 * shorter gaps are absorbed by the preceding key (or, at the start, by the first key).
 */
export function visemeTrack(phonemes: readonly PhonemeTiming[]): VisemeKey[] {
  const items = phonemes
    .filter((p) => Number.isFinite(p.start) && Number.isFinite(p.end) && p.end >= p.start)
    .map((p) => ({ viseme: phonemeToViseme(p.ph), start: Math.max(0, p.start), end: Math.max(0, p.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: VisemeKey[] = [];
  for (const it of items) {
    const { viseme } = it;
    let { start } = it;
    const last = out[out.length - 1];
    if (!last) {
      if (start >= GAP_TO_SILENCE && viseme !== 'sil') out.push({ viseme: 'sil', start: 0, end: start });
      else start = 0;
    } else {
      if (start < last.end) {
        // Overlap: the later phoneme takes over from its own start.
        if (start > last.start) last.end = start;
        else start = last.end;
      }
      const gap = start - last.end;
      if (gap >= GAP_TO_SILENCE) {
        if (last.viseme === 'sil') last.end = start;
        else out.push({ viseme: 'sil', start: last.end, end: start });
      } else if (gap > 0) {
        last.end = start;
      }
    }
    const prev = out[out.length - 1];
    if (prev && prev.viseme === viseme) prev.end = Math.max(prev.end, it.end);
    else if (it.end > start) out.push({ viseme, start, end: it.end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mouth shapes
// ---------------------------------------------------------------------------------------------

const shape = (s: Partial<MouthShape>): MouthShape => ({
  open: 0, wide: 0, round: 0, press: 0, lipBite: 0, teeth: 0, tongue: 0, ...s,
});

/** The mouth at rest: lips together, relaxed. */
export const REST_MOUTH: MouthShape = shape({});

/** What each viseme looks like. Tuned with the contact sheet (scripts/presenter-sheet.ts). */
export const VISEME_SHAPES: Record<Viseme, MouthShape> = {
  sil: REST_MOUTH,
  PP: shape({ press: 1, wide: 0.05, round: 0.1 }),
  FF: shape({ open: 0.16, wide: 0.25, lipBite: 1, teeth: 1 }),
  TH: shape({ open: 0.3, wide: 0.25, teeth: 0.4, tongue: 1 }),
  DD: shape({ open: 0.28, wide: 0.3, teeth: 0.65, tongue: 0.6 }),
  kk: shape({ open: 0.34, wide: 0.22, teeth: 0.45, tongue: 0.3 }),
  CH: shape({ open: 0.24, round: 0.65, teeth: 0.9 }),
  SS: shape({ open: 0.13, wide: 0.6, teeth: 1 }),
  nn: shape({ open: 0.22, wide: 0.25, teeth: 0.55, tongue: 0.7 }),
  RR: shape({ open: 0.24, round: 0.55, teeth: 0.4, tongue: 0.3 }),
  aa: shape({ open: 1, wide: 0.3, teeth: 0.4, tongue: 0.25 }),
  E: shape({ open: 0.55, wide: 0.7, teeth: 0.65, tongue: 0.15 }),
  ih: shape({ open: 0.32, wide: 1, teeth: 0.85, tongue: 0.1 }),
  oh: shape({ open: 0.62, round: 0.85, teeth: 0.15, tongue: 0.1 }),
  ou: shape({ open: 0.3, round: 1, teeth: 0.05 }),
};

/**
 * How strongly each viseme holds its shape against its neighbours (co-articulation). Lip
 * closures and rounding dominate; tongue consonants borrow the lips of the vowels around them.
 */
const DOMINANCE: Record<Viseme, number> = {
  sil: 0.8, PP: 3, FF: 2.5, TH: 1.3, DD: 0.6, kk: 0.55, CH: 1.5, SS: 1, nn: 0.6, RR: 1,
  aa: 1, E: 1, ih: 1, oh: 1.3, ou: 1.5,
};

/** Seconds a viseme starts to show before its key starts (anticipation). */
export const EASE_IN = 0.07;
/** Seconds a viseme lingers after its key ends. */
export const EASE_OUT = 0.075;
/** Ramp of the closure override that guarantees lips meet for p/b/m and bite for f/v. */
const CLOSURE_RAMP = 0.055;

const KEYS: readonly (keyof MouthShape)[] = ['open', 'wide', 'round', 'press', 'lipBite', 'teeth', 'tongue'];

function smoothstep(x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return x * x * (3 - 2 * x);
}

/** Influence (0..1) of a key at t: 1 inside it, smooth ramps of the given lengths around it. */
function envelope(k: VisemeKey, t: number, before: number, after: number): number {
  if (t < k.start) return smoothstep(1 - (k.start - t) / before);
  if (t > k.end) return smoothstep(1 - (t - k.end) / after);
  return 1;
}

/** Index of the last key with start <= t, or -1. */
function keyIndexAt(track: readonly VisemeKey[], t: number): number {
  let lo = 0;
  let hi = track.length - 1;
  if (hi < 0 || track[0]!.start > t) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (track[mid]!.start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The mouth at time t. Every key eases in ~70 ms before its start and out ~75 ms after its end
 * (smoothstep), and the shapes blend by weight × dominance. On top, p/b/m and f/v are forced to
 * their closure inside their keys, so even a 40 ms "p" closes the lips. Long pauses (> 150 ms)
 * reach the rest shape. Before the first and after the last key the mouth relaxes to rest.
 */
export function mouthAt(track: readonly VisemeKey[], t: number): MouthShape {
  const out: MouthShape = { ...REST_MOUTH };
  if (track.length === 0 || !Number.isFinite(t)) return out;
  const i = keyIndexAt(track, t);
  let total = 0;
  let pp = 0;
  let ff = 0;
  const add = (k: VisemeKey): void => {
    const e = envelope(k, t, EASE_IN, EASE_OUT);
    if (e <= 0) return;
    const w = e * DOMINANCE[k.viseme];
    const s = VISEME_SHAPES[k.viseme];
    for (const key of KEYS) out[key] += w * s[key];
    total += w;
    if (k.viseme === 'PP') pp = Math.max(pp, envelope(k, t, CLOSURE_RAMP, CLOSURE_RAMP));
    else if (k.viseme === 'FF') ff = Math.max(ff, envelope(k, t, CLOSURE_RAMP, CLOSURE_RAMP));
  };
  // Keys are contiguous and sorted: walk left while their ease-out reaches t, right while their
  // ease-in does.
  for (let j = i; j >= 0; j--) {
    const k = track[j]!;
    if (k.end + EASE_OUT <= t) break;
    add(k);
  }
  for (let j = i + 1; j < track.length; j++) {
    const k = track[j]!;
    if (k.start - EASE_IN >= t) break;
    add(k);
  }
  // Before the first and after the last key the mouth rests, as if in an endless pause.
  const first = track[0]!;
  const last = track[track.length - 1]!;
  if (t < first.start + EASE_OUT) add({ viseme: 'sil', start: -Infinity, end: first.start });
  if (t > last.end - EASE_IN) add({ viseme: 'sil', start: last.end, end: Infinity });
  const norm = 1 / Math.max(1e-9, total);
  for (const key of KEYS) out[key] *= norm;
  if (pp > 0) blendInto(out, VISEME_SHAPES.PP, pp);
  if (ff > 0) blendInto(out, VISEME_SHAPES.FF, ff);
  for (const key of KEYS) out[key] = Math.min(1, Math.max(0, out[key]));
  return out;
}

function blendInto(out: MouthShape, target: MouthShape, k: number): void {
  for (const key of KEYS) out[key] += (target[key] - out[key]) * k;
}

/**
 * How much the presenter is talking at t, 0..1: 1 during non-silent keys, easing to 0 within
 * ~0.45 s of silence. Smooth, so head motion driven by it never jumps.
 */
export function speakingLevel(track: readonly VisemeKey[], t: number, fade = 0.45): number {
  if (track.length === 0) return 0;
  const i = keyIndexAt(track, t);
  let d = Infinity;
  for (let j = Math.max(0, i); j >= 0; j--) {
    const k = track[j]!;
    if (k.viseme === 'sil') continue;
    d = Math.min(d, t <= k.end ? Math.max(0, k.start - t) : t - k.end);
    break;
  }
  for (let j = i + 1; j < track.length; j++) {
    const k = track[j]!;
    if (k.viseme === 'sil') continue;
    d = Math.min(d, Math.max(0, k.start - t));
    break;
  }
  return smoothstep(1 - d / fade);
}
