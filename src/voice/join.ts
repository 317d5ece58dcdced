import type { Speech } from './types.ts';

/**
 * Joins per-segment speech into one voiceover with a breath of silence between segments.
 * Voicing segments separately gives exact scene boundaries (and lets one scene be re-voiced
 * without touching the others). Returns each segment's [start, end] in the joined speech.
 */
export function joinSpeech(parts: Speech[], gapSeconds = 0.22, leadSeconds = 0.15): { speech: Speech; spans: Array<[number, number]> } {
  if (parts.length === 0) throw new Error('joinSpeech needs at least one part');
  const sampleRate = parts[0]!.sampleRate;
  if (parts.some((p) => p.sampleRate !== sampleRate)) throw new Error('joinSpeech: parts differ in sample rate');
  const gap = Math.round(gapSeconds * sampleRate);
  const lead = Math.round(leadSeconds * sampleRate);
  const total = lead + parts.reduce((n, p) => n + p.pcm.length, 0) + gap * (parts.length - 1);
  const pcm = new Float32Array(total);
  const speech: Speech = { pcm, sampleRate, duration: total / sampleRate, words: [], phonemes: [] };
  const spans: Array<[number, number]> = [];
  let pos = lead;
  // Word offsets into the parts' texts joined by one space (captions see where a text has a
  // space or punctuation between two words, which matters where words are not space-separated).
  let textBase = 0;
  for (const p of parts) {
    pcm.set(p.pcm, pos);
    const offset = pos / sampleRate;
    for (const w of p.words) {
      const chars = w.charStart !== undefined && w.charEnd !== undefined ? { charStart: w.charStart + textBase, charEnd: w.charEnd + textBase } : {};
      speech.words.push({ text: w.text, start: w.start + offset, end: w.end + offset, ...chars });
    }
    textBase += Math.max(0, ...p.words.map((w) => w.charEnd ?? 0)) + 1;
    for (const ph of p.phonemes) speech.phonemes.push({ ph: ph.ph, start: ph.start + offset, end: ph.end + offset });
    spans.push([offset, offset + p.duration]);
    pos += p.pcm.length + gap;
  }
  return { speech, spans };
}

/** Scales the voiceover so its peak sits at -1 dBFS: consistent level, no clipping. */
export function normalizePeak(pcm: Float32Array, peakDb = -1): Float32Array {
  let peak = 0;
  for (let i = 0; i < pcm.length; i++) peak = Math.max(peak, Math.abs(pcm[i]!));
  if (peak < 1e-4) return pcm;
  const gain = Math.pow(10, peakDb / 20) / peak;
  const out = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = pcm[i]! * gain;
  return out;
}

/** Pads the end with silence so the last frame (end card) can linger after the voice. */
export function padSpeech(speech: Speech, tailSeconds: number): Speech {
  const extra = Math.round(tailSeconds * speech.sampleRate);
  const pcm = new Float32Array(speech.pcm.length + extra);
  pcm.set(speech.pcm);
  return { ...speech, pcm, duration: pcm.length / speech.sampleRate };
}
