/**
 * A user's own recording as the project's voiceover (pure): the audio is the voice, its own
 * spectrum gives the viseme track, and the script's words are laid over it when there is a
 * script to show as captions. The video is as long as the recording (plus the end-card tail).
 */
import { alignWords, scriptWords } from './align.ts';
import { activity, analyseFrames, phonemesFromAudio } from './audio-visemes.ts';
import type { Speech, WordTiming } from './types.ts';

export interface SegmentText {
  text: string;
}

export interface UserSpeech {
  speech: Speech;
  /** [start, end] of each non-empty segment, in order. */
  spans: Array<[number, number]>;
}

/**
 * `segments` are the script's parts; `captions` false leaves the words out (no script was
 * given: the audio says something we do not know). Segment spans still divide the recording in
 * proportion to their text so scenes change along the way.
 */
export function speechFromRecording(pcm: Float32Array, sampleRate: number, segments: readonly SegmentText[], opts: { captions: boolean; language?: string }): UserSpeech {
  const duration = pcm.length / sampleRate;
  const phonemes = phonemesFromAudio(pcm, sampleRate);
  const spoken = segments.map((s) => s.text.trim()).filter((t) => t.length > 0);
  const texts = spoken.length > 0 ? spoken : ['…'];
  // Word offsets into the segment texts joined by one space (as joinSpeech does for the voice).
  const joined = texts.join(' ');
  const words = alignWords(scriptWords(joined, opts.language), activity(analyseFrames(pcm, sampleRate)), duration);
  const spans: Array<[number, number]> = [];
  let base = 0;
  let prevEnd = 0;
  for (let i = 0; i < texts.length; i++) {
    const from = base;
    const to = base + texts[i]!.length;
    const inSeg = words.filter((w) => (w.charStart ?? 0) >= from && (w.charStart ?? 0) < to);
    const start = i === 0 ? 0 : (inSeg[0]?.start ?? prevEnd);
    const end = i === texts.length - 1 ? duration : (inSeg[inSeg.length - 1]?.end ?? start);
    spans.push([start, Math.max(start, end)]);
    prevEnd = end;
    base = to + 1;
  }
  const shown: WordTiming[] = opts.captions && spoken.length > 0 ? words : [];
  return { speech: { pcm, sampleRate, duration, words: shown, phonemes }, spans };
}
