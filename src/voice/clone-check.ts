/**
 * The voice-clone material check (REQUIREMENTS §4, from the vendor's fast tier): one clip of
 * 10–30 s (10–90 s for less common languages), at most 20 MB, sampled above 16 kHz, a quiet
 * room, no reverb, no clipping, and a name of 2–50 letters, digits, `_` or `-`. Each item is
 * pass / warn / fail with the value measured, before anything else runs. Pure.
 */
import { analyseFrames, speechLevel } from './audio-visemes.ts';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckItem {
  id: 'name' | 'size' | 'duration' | 'sample-rate' | 'clipping' | 'noise' | 'reverb';
  label: string;
  status: CheckStatus;
  /** What was measured, as shown ("23.4 s", "48 000 Hz", "-62 dBFS"). */
  value: string;
  /** Why, and what to do, in a sentence. */
  message: string;
}

export interface CloneMaterial {
  name: string;
  bytes: number;
  sourceSampleRate: number;
  /** Decoded audio before any normalising (clipping must be seen as recorded). */
  pcm: Float32Array;
  sampleRate: number;
  /** BCP 47 / primary subtag of the language spoken. */
  language: string;
}

/** Languages the vendor treats as common (10–30 s); the rest may use up to 90 s. */
const COMMON = new Set(['en', 'zh', 'es', 'fr', 'de', 'ja', 'ko', 'pt', 'it', 'ru']);
export const CLONE_MAX_BYTES = 20_000_000;

export function durationRange(language: string): [number, number] {
  return COMMON.has(language.toLowerCase().split(/[-_]/)[0]!) ? [10, 30] : [10, 90];
}

export function checkName(name: string): CheckItem {
  const n = name.trim();
  const ok = /^[\p{L}\p{N}_-]{2,50}$/u.test(n);
  return {
    id: 'name', label: 'Name', status: ok ? 'pass' : 'fail', value: n ? `“${n}”` : '(empty)',
    message: ok ? 'A valid name.' : 'Use 2–50 letters, digits, “_” or “-” (no spaces).',
  };
}

/** Fraction of samples in runs of 3+ at full scale: the sign of a clipped recording. */
export function clippedFraction(pcm: Float32Array): number {
  let clipped = 0;
  let run = 0;
  for (let i = 0; i < pcm.length; i++) {
    if (Math.abs(pcm[i]!) >= 0.999) run++;
    else {
      if (run >= 3) clipped += run;
      run = 0;
    }
  }
  if (run >= 3) clipped += run;
  return pcm.length ? clipped / pcm.length : 0;
}

/** Background level (5th percentile of 10 ms frame levels, dBFS) and how far speech is above it. */
export function noiseFloor(pcm: Float32Array, sampleRate: number): { floorDb: number; snrDb: number } {
  const frames = analyseFrames(pcm, sampleRate);
  if (frames.length === 0) return { floorDb: -120, snrDb: 0 };
  const sorted = frames.map((f) => f.db).sort((a, b) => a - b);
  // The quietest 5 %: the pauses between phrases, which any natural clip has.
  const floorDb = Math.max(-120, sorted[Math.floor(sorted.length * 0.05)]!);
  return { floorDb, snrDb: speechLevel(frames) - floorDb };
}

/**
 * Reverberation time estimate (RT60, seconds). A room cannot make sound die away faster than
 * its own decay (60 dB per RT60), while dry speech falls 30–40 dB within a syllable's offset.
 * So the fastest falls of the level (the steepest 5 % of 50 ms windows that start in speech,
 * level smoothed over 30 ms) give the decay rate, and 60 dB over that rate the RT60.
 * An estimate (it reads a 1.2 s room as about 0.75 s and dry speech as about 0.2 s, see the
 * test), good enough to tell a dry booth from a bathroom; null without enough speech.
 */
export function reverbTime(pcm: Float32Array, sampleRate: number): number | null {
  const frames = analyseFrames(pcm, sampleRate);
  if (frames.length < 50) return null;
  const level = speechLevel(frames);
  // 30 ms power smoothing, so frame-to-frame flicker of a reverberant tail is not read as a fall.
  const p = frames.map((f) => Math.pow(10, f.db / 10));
  const db = p.map((_, i) => 10 * Math.log10(((p[i - 1] ?? p[i]!) + p[i]! + (p[i + 1] ?? p[i]!)) / 3));
  const W = 5;
  const falls: number[] = [];
  for (let i = 0; i + W < db.length; i++) {
    if (db[i]! < level - 15) continue;
    falls.push((db[i]! - db[i + W]!) / (W * 0.01));
  }
  if (falls.length < 20) return null;
  falls.sort((a, b) => b - a);
  const rate = falls[Math.floor(falls.length * 0.05)]!;
  return rate > 0 ? 60 / rate : null;
}

const fmtMb = (n: number): string => `${(n / 1_000_000).toFixed(1)} MB`;

export function checkCloneMaterial(m: CloneMaterial): CheckItem[] {
  const items: CheckItem[] = [checkName(m.name)];
  items.push({
    id: 'size', label: 'File size', value: fmtMb(m.bytes),
    status: m.bytes <= CLONE_MAX_BYTES ? 'pass' : 'fail',
    message: m.bytes <= CLONE_MAX_BYTES ? 'Within the 20 MB limit.' : 'At most 20 MB: trim the clip or save it as MP3.',
  });
  const duration = m.pcm.length / m.sampleRate;
  const [lo, hi] = durationRange(m.language);
  items.push({
    id: 'duration', label: 'Length', value: `${duration.toFixed(1)} s`,
    status: duration >= lo && duration <= hi ? 'pass' : 'fail',
    message: duration < lo ? `Too short: record at least ${lo} s of speech.` : duration > hi ? `Too long: use ${lo}–${hi} s for this language.` : `Within ${lo}–${hi} s.`,
  });
  const rateOk = m.sourceSampleRate > 16_000;
  items.push({
    id: 'sample-rate', label: 'Sample rate', value: m.sourceSampleRate ? `${m.sourceSampleRate} Hz` : 'unknown',
    status: m.sourceSampleRate === 0 ? 'warn' : rateOk ? 'pass' : 'fail',
    message: m.sourceSampleRate === 0 ? 'The file does not say; make sure it was recorded above 16 kHz.' : rateOk ? 'Above 16 kHz.' : 'Must be above 16 kHz: record at 44.1 or 48 kHz.',
  });
  const clip = clippedFraction(m.pcm);
  items.push({
    id: 'clipping', label: 'Clipping', value: `${(clip * 100).toFixed(3)} % of samples`,
    status: clip < 1e-4 ? 'pass' : clip < 1e-3 ? 'warn' : 'fail',
    message: clip < 1e-4 ? 'No clipping.' : 'The recording hits full scale (distortion): lower the input level and record again.',
  });
  const { floorDb, snrDb } = noiseFloor(m.pcm, m.sampleRate);
  items.push({
    id: 'noise', label: 'Background noise', value: `${floorDb.toFixed(0)} dBFS floor, speech ${snrDb.toFixed(0)} dB above it`,
    status: snrDb >= 35 ? 'pass' : snrDb >= 25 ? 'warn' : 'fail',
    message: snrDb >= 35 ? 'A quiet room.' : snrDb >= 25 ? 'Some background noise: a quieter room will sound better.' : 'Too noisy: record in a quiet room, close to the microphone.',
  });
  const rt = reverbTime(m.pcm, m.sampleRate);
  items.push({
    id: 'reverb', label: 'Reverb (estimate)', value: rt === null ? 'not measurable' : `RT60 ≈ ${rt.toFixed(2)} s`,
    status: rt === null ? 'warn' : rt < 0.35 ? 'pass' : rt < 0.6 ? 'warn' : 'fail',
    message: rt === null ? 'Too few pauses to judge the room: leave short pauses between sentences.' : rt < 0.35 ? 'A dry room.' : rt < 0.6 ? 'Some room echo: a smaller, furnished room is better.' : 'Strong echo: record in a smaller room with soft furnishings.',
  });
  return items;
}

/** Overall verdict: fail if any item fails, warn if any warns. */
export function verdict(items: readonly CheckItem[]): CheckStatus {
  return items.some((i) => i.status === 'fail') ? 'fail' : items.some((i) => i.status === 'warn') ? 'warn' : 'pass';
}
