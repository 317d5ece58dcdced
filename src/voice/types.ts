/** Times are seconds from the start of the speech. */
export interface WordTiming {
  text: string;
  start: number;
  end: number;
}

/** One phoneme as the voice engine spoke it (IPA, as espeak-ng reports it). */
export interface PhonemeTiming {
  ph: string;
  start: number;
  end: number;
}

export interface Speech {
  /** Mono PCM, -1..1. */
  pcm: Float32Array;
  sampleRate: number;
  /** Seconds; equals pcm.length / sampleRate. */
  duration: number;
  words: WordTiming[];
  phonemes: PhonemeTiming[];
}

export interface VoiceRequest {
  text: string;
  /** espeak-ng voice name, e.g. "en-us". */
  voice: string;
  /** Words per minute; espeak default is 175. */
  rate?: number;
  /** 0..99, espeak default 50. */
  pitch?: number;
}
