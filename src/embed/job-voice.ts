/**
 * A job's `voice` → the runner's voice id (pure). A built-in voice id is used as it is;
 * anything else names a natural voice ("model:<catalog id>", the prefix optional), which the
 * runner loads from this browser's model store and fails with a sentence when it is not
 * installed. Without `voice`, a built-in voice of the presenter's (or the prompt's) gender.
 */
import { defaultVoiceFor, voiceById } from '../voice/voices.ts';
import type { RunRequest } from './manager.ts';

/** Same as src/app/voice/neural.ts NEURAL_VOICE_PREFIX (kept here so this stays free of app code). */
const NEURAL_VOICE_PREFIX = 'model:';

export function jobVoiceId(req: Pick<RunRequest, 'voice' | 'language' | 'voiceGender'>): string {
  if (!req.voice) return defaultVoiceFor(req.language, req.voiceGender).id;
  if (voiceById(req.voice)) return req.voice;
  return req.voice.startsWith(NEURAL_VOICE_PREFIX) ? req.voice : NEURAL_VOICE_PREFIX + req.voice;
}
