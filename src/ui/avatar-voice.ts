import type { PresenterLook } from '../compose/presenter/index.ts';
import { synthesize } from '../voice/tts-client.ts';
import type { Speech } from '../voice/types.ts';
import { defaultVoiceFor, voiceById, voicesFor } from '../voice/voices.ts';
import { sampleLine } from './sample-lines.ts';

/**
 * The voice a presenter previews with: the project's voice when it suits the presenter (same
 * language, same gender), else the language's voice of the presenter's gender.
 */
export function previewVoice(look: PresenterLook, language: string, voiceId?: string): { voice: string; pitch?: number } {
  const wanted = look.gender;
  const chosen = voiceId ? voiceById(voiceId) : undefined;
  const fits = chosen && chosen.gender === wanted && voicesFor(language).some((v) => v.id === chosen.id);
  const v = fits ? chosen : (voicesFor(language).find((x) => x.gender === wanted) ?? defaultVoiceFor(language, wanted));
  return { voice: v.espeakVoice, ...(v.pitch !== undefined ? { pitch: v.pitch } : {}) };
}

/** Recent sample lines, so replaying one is instant. */
const cache = new Map<string, Speech>();

/** The presenter's sample line in `language`, voiced (cached). */
export async function sampleSpeech(look: PresenterLook, language: string, voiceId?: string): Promise<{ text: string; speech: Speech }> {
  const text = sampleLine(language, look.name, look.gender === 'female');
  const voice = previewVoice(look, language, voiceId);
  const key = `${voice.voice}|${voice.pitch ?? ''}|${text}`;
  let speech = cache.get(key);
  if (!speech) {
    speech = await synthesize({ ...voice, text });
    cache.set(key, speech);
    if (cache.size > 12) cache.delete(cache.keys().next().value!);
  }
  return { text, speech };
}
