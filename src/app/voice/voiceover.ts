/**
 * The project's voiceover, whichever voice it uses: a built-in voice (with the user's speed
 * and pitch) or the user's own recording ("user:<id>"). The one entry point the Create screen,
 * the task runner and the headless renderer share, so they all hear the same voice.
 */
import type { ScriptSegment } from '../../script/types.ts';
import type { ProjectSettings, VoiceRecord } from '../../storage/schema.ts';
import { getUserVoice } from '../../storage/voices.ts';
import { voiceRequestFor, voiceScript, type Synthesize, type Voiceover } from '../pipeline.ts';
import { voicePcm } from './audio-intake.ts';
import { cloneSampleNotAVoice, isCloneSample } from '../../voice/clone-sample.ts';
import { recordingVoiceover } from './recording-voiceover.ts';
import { isNeuralVoice, neuralSynthesize } from './neural.ts';

export { recordingVoiceover } from './recording-voiceover.ts';

export const USER_VOICE_PREFIX = 'user:';

export function isUserVoice(voiceId: string | undefined): boolean {
  return !!voiceId?.startsWith(USER_VOICE_PREFIX);
}

export function userVoiceId(record: Pick<VoiceRecord, 'id'>): string {
  return USER_VOICE_PREFIX + record.id;
}

/** The engine request for the project's built-in voice (also used to time scripts). */
export function builtinVoiceRequest(settings: Pick<ProjectSettings, 'voiceId' | 'language' | 'voiceSpeed' | 'voicePitch'>) {
  const tuning = { ...(settings.voiceSpeed !== undefined ? { speed: settings.voiceSpeed } : {}), ...(settings.voicePitch !== undefined ? { pitch: settings.voicePitch } : {}) };
  return voiceRequestFor(isUserVoice(settings.voiceId) || isNeuralVoice(settings.voiceId) ? undefined : settings.voiceId, settings.language, tuning);
}

export class UserVoiceMissingError extends Error {
  override name = 'UserVoiceMissingError';
  readonly code = 'voice-missing';
}

export async function projectVoiceover(settings: ProjectSettings, segments: ScriptSegment[], synthesize: Synthesize, signal?: AbortSignal): Promise<Voiceover> {
  if (isUserVoice(settings.voiceId)) {
    const record = await getUserVoice(settings.voiceId.slice(USER_VOICE_PREFIX.length));
    if (!record) throw new UserVoiceMissingError('The recording chosen as this project’s voice was deleted. Pick another voice under Video settings.');
    // A clone sample waits for a clone engine; its raw clip never narrates a script.
    if (isCloneSample(record)) throw new UserVoiceMissingError(cloneSampleNotAVoice(record.name));
    return recordingVoiceover(await voicePcm(record), record.sampleRate, segments, true, settings.language);
  }
  if (isNeuralVoice(settings.voiceId)) {
    // A neural voice speaks the text; its timings are forced from espeak's (workers/tts/piper-engine.ts).
    return voiceScript(segments, { voice: 'neural' }, neuralSynthesize(settings.voiceId, settings.voiceSpeed ?? 1), signal);
  }
  return voiceScript(segments, builtinVoiceRequest(settings), synthesize, signal);
}
