/**
 * Neural voices in the app: installed Piper/VITS models (downloaded or imported on the Models
 * screen, contract `{ kind: 'piper', config }`) offered for the languages they speak, and a
 * `Synthesize` that speaks with one through the TTS worker.
 */
import { listInstalled, loadModelBytes } from '../../storage/models.ts';
import type { ModelRecord } from '../../storage/schema.ts';
import { parsePiperConfig, type PiperConfig } from '../../voice/piper.ts';
import { ttsClient } from '../../voice/tts-client.ts';
import { TtsError } from '../../voice/errors.ts';
import type { Synthesize } from '../pipeline.ts';

export const NEURAL_VOICE_PREFIX = 'model:';

export interface NeuralVoice {
  /** Project voice id: "model:<model id>". */
  id: string;
  modelId: string;
  name: string;
  /** Primary language subtag the voice speaks ("en"). */
  language: string;
  config: PiperConfig;
}

export function isNeuralVoice(voiceId: string | undefined): boolean {
  return !!voiceId?.startsWith(NEURAL_VOICE_PREFIX);
}

function configOf(r: ModelRecord): PiperConfig | null {
  const c = r.contract as { kind?: string; config?: unknown } | undefined;
  if (c?.kind !== 'piper') return null;
  try {
    return parsePiperConfig(c.config);
  } catch {
    return null;
  }
}

/** The primary language of a Piper voice: its config's language code ("en_US"), else its espeak voice. */
function languageOf(c: PiperConfig): string {
  return (c.language?.code ?? c.espeak.voice).toLowerCase().split(/[-_]/)[0]!;
}

export async function neuralVoices(language?: string): Promise<NeuralVoice[]> {
  const primary = language?.toLowerCase().split(/[-_]/)[0];
  const out: NeuralVoice[] = [];
  for (const r of await listInstalled()) {
    if (r.task !== 'tts') continue;
    const config = configOf(r);
    if (!config) continue;
    const lang = languageOf(config);
    if (primary && lang !== primary) continue;
    out.push({ id: NEURAL_VOICE_PREFIX + r.id, modelId: r.id, name: r.name, language: lang, config });
  }
  return out;
}

export type NeuralVoiceSource = () => Promise<{ bytes: ArrayBuffer; config: PiperConfig }>;

/** The model of an installed neural voice, from the model store (checked when it was installed). */
function installedSource(modelId: string): NeuralVoiceSource {
  return async () => {
    const r = (await listInstalled()).find((x) => x.id === modelId);
    const config = r && configOf(r);
    if (!config) throw new TtsError('voice-not-found', `The natural voice “${modelId}” is not installed in this browser. Pick another voice, or download it on the Models screen.`);
    return { bytes: await loadModelBytes(modelId), config };
  };
}

/**
 * A Synthesize that speaks with the neural voice `voiceId` ("model:<id>") at `speed`. The model
 * comes from the model store unless `source` gives it (the command line's --models folder).
 * Every caller — preview, export task, job runner, CLI — goes through here, so they all hear
 * the same voice.
 */
export function neuralSynthesize(voiceId: string, speed = 1, source?: NeuralVoiceSource, o: { timings?: boolean } = {}): Synthesize {
  const modelId = voiceId.slice(NEURAL_VOICE_PREFIX.length);
  const load = source ?? installedSource(modelId);
  return (req, opts) => ttsClient().synthesizeNeural(modelId, { ...req, speed, ...(o.timings === false ? { timings: false } : {}) }, load, opts);
}
