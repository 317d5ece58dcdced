/**
 * The project's voiceover, whichever voice it uses: a built-in voice (with the user's speed
 * and pitch), an installed neural voice ("model:<id>") or the user's own recording
 * ("user:<id>"). The one entry point the Create screen,
 * the task runner and the headless renderer share, so they all hear the same voice.
 */
import type { ScriptSegment } from '../../script/types.ts';
import type { ProjectSettings, VoiceRecord } from '../../storage/schema.ts';
import { getUserVoice } from '../../storage/voices.ts';
import type { VoiceRequest } from '../../voice/types.ts';
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

/**
 * The voice a project speaks with, as a request and the engine that speaks it: the chosen
 * neural voice, or the built-in one with the user's speed and pitch. Script timing, the
 * preview, export tasks and the job runner all take it from here, so a neural voice is never
 * silently swapped for espeak. (A user recording has no engine: projectVoiceover handles it.)
 */
export function projectSpeaker(settings: Pick<ProjectSettings, 'voiceId' | 'language' | 'voiceSpeed' | 'voicePitch'>, synthesize: Synthesize): { request: Omit<VoiceRequest, 'text'>; synthesize: Synthesize; measure: Synthesize } {
  if (isNeuralVoice(settings.voiceId)) {
    const speed = settings.voiceSpeed ?? 1;
    // Measuring a script needs only the audio's length: no word timings (alignment) then.
    return { request: { voice: 'neural' }, synthesize: neuralSynthesize(settings.voiceId, speed), measure: neuralSynthesize(settings.voiceId, speed, undefined, { timings: false }) };
  }
  return { request: builtinVoiceRequest(settings), synthesize, measure: synthesize };
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
  // A neural voice's timings come from aligning it to espeak's rendering (workers/tts/piper-engine.ts).
  const speaker = projectSpeaker(settings, synthesize);
  return voiceScript(segments, speaker.request, speaker.synthesize, signal);
}
