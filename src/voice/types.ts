/** Times are seconds from the start of the speech. */
export interface WordTiming {
  text: string;
  start: number;
  end: number;
  /**
   * Where the word sits in the text that was spoken: UTF-16 offsets, `text.slice(charStart,
   * charEnd) === word.text`. Set by the built-in voice; absent where the source has no text.
   */
  charStart?: number;
  charEnd?: number;
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
  /**
   * espeak-ng voice name, e.g. "en-us", optionally with a variant: "en-us+f3" (female),
   * "en-us+m3". A language tag espeak lists ("en-gb", "zh") also works.
   */
  voice: string;
  /** Words per minute; espeak default is 175; espeak clamps to 80..450. */
  rate?: number;
  /** 0..99, espeak default 50 (relative: a female variant stays higher than a male one). */
  pitch?: number;
}

/** A voice as espeak-ng lists it (`identifier` is what `VoiceRequest.voice` may name). */
export interface EspeakVoice {
  /** e.g. "gmw/en-US"; the part after the slash also works as a voice name ("en-US"). */
  identifier: string;
  /** e.g. "English (America)". */
  name: string;
  /** Language tags, lowest priority number first is the best match (e.g. en-us:2, en:3). */
  languages: Array<{ name: string; priority: number }>;
}

/** Progress of one speech request: the one-off engine download, then the speaking itself. */
export type TtsProgress =
  | { stage: 'loading'; loaded: number; total: number }
  | { stage: 'speaking'; fraction: number };
