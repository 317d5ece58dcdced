/**
 * What a voice-clone sample is today. The Voices screen checks a clip (clone-check.ts) and keeps
 * it as a "clone sample" for a voice-clone engine, but talkreel has no such engine yet (no
 * published browser-sized model speaks with a speaker embedding; see clone-engine.ts). So a
 * clone sample is never a script's voice: narrating a script with the raw clip would pass the
 * clip off as a clone. Recordings and uploads are voiceovers; clone samples are not.
 */
import type { VoiceRecord } from '../storage/schema.ts';

export function isCloneSample(r: Pick<VoiceRecord, 'kind'>): boolean {
  return r.kind === 'clone-sample';
}

/** The user's voices that can be a project's voiceover: recordings and uploads, not clone samples. */
export function scriptVoices<T extends Pick<VoiceRecord, 'kind'>>(all: readonly T[]): T[] {
  return all.filter((r) => !isCloneSample(r));
}

/** Why a project whose voice is a clone sample (chosen before this rule) cannot be voiced. */
export function cloneSampleNotAVoice(name: string): string {
  return `“${name}” is a voice-clone sample: it is kept for a voice-clone engine, which talkreel does not have yet, and it cannot narrate a script. Pick another voice under Video settings.`;
}
