/**
 * Background music under the voiceover, ducked while the voice speaks (a side-chain on the
 * voice's own level), looped to the video's length and faded in and out. Pure: Float32 PCM in
 * and out, voice and music at one sample rate (the caller resamples them).
 */

/** The largest music file the editor takes (and a project archive carries). */
export const MAX_MUSIC_BYTES = 50 * 1048576;

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
 * The music's gain at every sample of the voice: the bed level, ducked while the voice speaks
 * (attack/release), faded in at the start and out at the end.
 */
function musicGains(voice: Float32Array, sampleRate: number, mix: MusicMix): Float32Array {
  const n = voice.length;
  const gains = new Float32Array(n);
  const win = Math.max(1, Math.round(0.02 * sampleRate));
  const up = 1 - Math.exp(-1 / (mix.attack * sampleRate));
  const down = 1 - Math.exp(-1 / (mix.release * sampleRate));
  const fadeN = Math.max(1, Math.round(mix.fade * sampleRate));
  let gain = mix.bed;
  for (let w = 0; w < n; w += win) {
    const end = Math.min(n, w + win);
    let s = 0;
    for (let i = w; i < end; i++) s += voice[i]! * voice[i]!;
    const target = Math.sqrt(s / (end - w)) > VOICE_GATE ? mix.ducked : mix.bed;
    for (let i = w; i < end; i++) {
      gain += (target - gain) * (target < gain ? up : down);
      gains[i] = gain * Math.max(0, Math.min(1, i / fadeN, (n - 1 - i) / fadeN));
    }
  }
  return gains;
}

/**
 * Mixes `music` (one array per channel: mono or stereo) under `voice`, all at `sampleRate`.
 * Returns one channel per music channel, each the voice's length with the voice in it (the
 * music loops or is cut); scaled down only if a peak would clip.
 */
export function mixMusicChannels(voice: Float32Array, music: readonly Float32Array[], sampleRate: number, mix: MusicMix = DEFAULT_MUSIC_MIX, volume = 1): Float32Array[] {
  const n = voice.length;
  const len = music[0]?.length ?? 0;
  if (len === 0) return [voice.slice()];
  // Music level normalised to a peak of 1 so `bed` means the same for loud and quiet files.
  let mp = 0;
  for (const ch of music) for (let i = 0; i < ch.length; i++) mp = Math.max(mp, Math.abs(ch[i]!));
  const norm = mp > 1e-4 ? Math.max(0, Math.min(1, volume)) / mp : 0;
  const gains = musicGains(voice, sampleRate, mix);
  let peak = 0;
  const out = music.map((ch) => {
    const o = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const v = voice[i]! + ch[i % len]! * norm * gains[i]!;
      o[i] = v;
      peak = Math.max(peak, Math.abs(v));
    }
    return o;
  });
  if (peak > 0.99) for (const o of out) for (let i = 0; i < n; i++) o[i] = o[i]! * (0.99 / peak);
  return out;
}
