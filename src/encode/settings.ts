import { outputSize } from '../compose/types.ts';
import type { Ratio } from '../script/types.ts';

export type Resolution = 720 | 1080;

export interface EncodeSettings {
  width: number;
  height: number;
  fps: number;
  videoBitrate: number;
  audioBitrate: number;
  /** Seconds between key frames: short enough to scrub, long enough to stay small. */
  keyFrameInterval: number;
}

/** Bitrate presets: `standard` suits social platforms; `small` for messaging; `high` for re-editing. */
export type BitratePreset = 'small' | 'standard' | 'high';

export const BITRATE_PRESETS: Record<BitratePreset, { label: string; factor: number; audioBitrate: number }> = {
  small: { label: 'Smaller file', factor: 0.5, audioBitrate: 96_000 },
  standard: { label: 'Standard', factor: 1, audioBitrate: 128_000 },
  high: { label: 'High quality', factor: 1.75, audioBitrate: 192_000 },
};

export function isBitratePreset(v: unknown): v is BitratePreset {
  return typeof v === 'string' && Object.hasOwn(BITRATE_PRESETS, v);
}

/** Bitrates sized for crisp text and faces on social platforms without bloated files. */
export function encodeSettings(ratio: Ratio, resolution: Resolution, fps = 30, preset: BitratePreset = 'standard'): EncodeSettings {
  const { w, h } = outputSize(ratio, resolution);
  const pixels = w * h;
  const p = BITRATE_PRESETS[preset];
  // ~3.9 bits per 100 pixels per frame: 1080x1920@30 -> 8 Mb/s, 720x1280@30 -> 3.6 Mb/s.
  const videoBitrate = Math.round((pixels * fps * 0.13 * p.factor) / 1e5) * 1e5;
  return { width: w, height: h, fps, videoBitrate, audioBitrate: p.audioBitrate, keyFrameInterval: 2 };
}

/** Frame timestamps for a clip of the given length: every frame starts before the end. */
export function frameCount(duration: number, fps: number): number {
  return Math.max(1, Math.ceil(duration * fps - 1e-6));
}
