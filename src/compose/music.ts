/**
 * Background music under the voiceover, ducked while the voice speaks (a side-chain on the
 * voice's own level), looped to the video's length and faded in and out. Pure: mono Float32
 * PCM in, mono PCM out, at the voice's sample rate (the caller resamples the music).
 */

export interface MusicMix {
  /** Music gain while the voice is silent (linear). */
  bed: number;
  /** Music gain under speech (linear). */
  ducked: number;
  /** Seconds for the music to dip when speech starts, and to come back after it stops. */
  attack: number;
  release: number;
  /** Fade in at the start and out at the end, seconds. */
  fade: number;
}

export const DEFAULT_MUSIC_MIX: MusicMix = { bed: 0.32, ducked: 0.08, attack: 0.08, release: 0.45, fade: 1 };

/** Speech above this level (RMS over 20 ms) counts as the voice speaking. */
const VOICE_GATE = 0.02;

/**
 * Mixes `music` under `voice`. The result has the voice's length (the music loops or is cut);
 * it is scaled down only if a peak would clip.
 */
export function mixMusic(voice: Float32Array, music: Float32Array, sampleRate: number, mix: MusicMix = DEFAULT_MUSIC_MIX, volume = 1): Float32Array {
  const n = voice.length;
  const out = new Float32Array(n);
  if (music.length === 0) {
    out.set(voice);
    return out;
  }
  // Music level normalised to a peak of 1 so `bed` means the same for loud and quiet files.
  let mp = 0;
  for (let i = 0; i < music.length; i++) mp = Math.max(mp, Math.abs(music[i]!));
  const norm = mp > 1e-4 ? Math.max(0, Math.min(1, volume)) / mp : 0;
  const win = Math.max(1, Math.round(0.02 * sampleRate));
  const up = 1 - Math.exp(-1 / (mix.attack * sampleRate));
  const down = 1 - Math.exp(-1 / (mix.release * sampleRate));
  const fadeN = Math.max(1, Math.round(mix.fade * sampleRate));
  let gain = mix.bed;
  let peak = 0;
  for (let w = 0; w < n; w += win) {
    const end = Math.min(n, w + win);
    let s = 0;
    for (let i = w; i < end; i++) s += voice[i]! * voice[i]!;
    const speaking = Math.sqrt(s / (end - w)) > VOICE_GATE;
    const target = speaking ? mix.ducked : mix.bed;
    for (let i = w; i < end; i++) {
      gain += (target - gain) * (target < gain ? up : down);
      const edge = Math.min(1, i / fadeN, (n - 1 - i) / fadeN);
      const v = voice[i]! + music[i % music.length]! * norm * gain * Math.max(0, edge);
      out[i] = v;
      peak = Math.max(peak, Math.abs(v));
    }
  }
  if (peak > 0.99) for (let i = 0; i < n; i++) out[i] = out[i]! * (0.99 / peak);
  return out;
}
