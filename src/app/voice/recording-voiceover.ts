/** A recording as a Voiceover (no storage, no decoders: light enough for the job runner). */
import type { ScriptSegment } from '../../script/types.ts';
import { padSpeech } from '../../voice/join.ts';
import { speechFromRecording } from '../../voice/user-voiceover.ts';
import { TAIL_SECONDS, type Voiceover } from '../pipeline.ts';

/** The recording is the voice: the video is as long as it (plus the end-card tail); captions only with a script. */
export function recordingVoiceover(pcm: Float32Array, sampleRate: number, segments: ScriptSegment[], captions: boolean, language?: string): Voiceover {
  const spoken = segments.filter((s) => s.text.trim().length > 0);
  const { speech, spans } = speechFromRecording(pcm, sampleRate, spoken, { captions, ...(language ? { language } : {}) });
  return {
    speech: padSpeech(speech, TAIL_SECONDS),
    segments: spoken.map((segment, i) => ({ segment, start: spans[i]![0], end: spans[i]![1] })),
  };
}
