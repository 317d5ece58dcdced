/**
 * Audio–mouth agreement, as plain numbers: the voice's loudness (RMS per video frame, decoded
 * from the exported file's own audio track with Debian's ffmpeg) against a mouth-opening series
 * measured in the exported frames. Pearson r at the best lag within ±maxLag frames, and the
 * controls a real agreement must beat by far: the same envelope cut into blocks and shuffled, and
 * the envelope played backwards.
 */
import { execFileSync } from 'node:child_process';

/** RMS loudness of the file's audio (mixed to mono) in each 1/fps window, `frames` windows. */
export function loudness(file: string, fps: number, frames: number): number[] {
  const rate = 16000;
  const buf = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', String(rate), '-f', 's16le', '-'], { maxBuffer: 1 << 28 });
  const n = buf.length >> 1;
  const per = rate / fps;
  const out: number[] = [];
  for (let f = 0; f < frames; f++) {
    const a = Math.round(f * per);
    const b = Math.min(n, Math.round((f + 1) * per));
    let s = 0;
    for (let i = a; i < b; i++) s += (buf.readInt16LE(i * 2) / 32768) ** 2;
    out.push(b > a ? Math.sqrt(s / (b - a)) : 0);
  }
  return out;
}

/** Pearson correlation over the indices where both series are finite (NaN when fewer than 10). */
export function pearson(a: readonly number[], b: readonly number[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      xs.push(a[i]!);
      ys.push(b[i]!);
    }
  }
  const n = xs.length;
  if (n < 10) return Number.NaN;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** `b` moved by `lag` frames (b[i - lag] at i), padded with NaN. */
function shifted(b: readonly number[], lag: number): number[] {
  return b.map((_, i) => (i - lag >= 0 && i - lag < b.length ? b[i - lag]! : Number.NaN));
}

/** Best Pearson r of mouth against loudness with the loudness moved by −maxLag…+maxLag frames. */
export function bestLag(mouth: readonly number[], loud: readonly number[], maxLag = 3): { r: number; lag: number } {
  let best = { r: -Infinity, lag: 0 };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const r = pearson(mouth, shifted(loud, lag));
    if (r > best.r) best = { r, lag };
  }
  return best;
}

/** Small deterministic PRNG (mulberry32), so a control run is the same on every machine. */
function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The series cut into blocks of `block` frames, the blocks shuffled (Fisher–Yates, seeded). */
export function shuffledBlocks(s: readonly number[], block: number, seed: number): number[] {
  const blocks: number[][] = [];
  for (let i = 0; i < s.length; i += block) blocks.push(s.slice(i, i + block));
  const r = rng(seed);
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
  }
  return blocks.flat();
}

export interface Agreement {
  /** Best r of the real pairing, and its lag in frames (positive: the mouth follows the sound). */
  r: number;
  lag: number;
  /** Mean and highest best-lag r over shuffled-block controls. */
  shuffledMean: number;
  shuffledMax: number;
  /** Best-lag r against the time-reversed envelope. */
  reversed: number;
  /** Frames where a mouth was measured. */
  frames: number;
}

/** The real agreement and its controls (10 seeded shuffles of `block`-frame blocks). */
export function agreement(mouth: readonly number[], loud: readonly number[], block: number, maxLag = 3): Agreement {
  const real = bestLag(mouth, loud, maxLag);
  const shuffles = Array.from({ length: 10 }, (_, k) => bestLag(mouth, shuffledBlocks(loud, block, 1000 + k), maxLag).r);
  return {
    r: real.r,
    lag: real.lag,
    shuffledMean: shuffles.reduce((s, x) => s + x, 0) / shuffles.length,
    shuffledMax: Math.max(...shuffles),
    reversed: bestLag(mouth, [...loud].reverse(), maxLag).r,
    frames: mouth.filter(Number.isFinite).length,
  };
}
