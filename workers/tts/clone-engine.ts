/*
 * Speaker encoder for voice clones (contract in src/voice/clone-engine.ts) on onnxruntime-web,
 * in the TTS worker. The model bytes come from the download manager on the main thread.
 */
import { l2normalize, resampleLinear, type SpeakerEncoderContract } from '../../src/voice/clone-engine.ts';
import { TtsError } from '../../src/voice/errors.ts';
import { createSession, ort, type OrtSession } from '../lipsync/ort.ts';

const sessions = new Map<string, { session: OrtSession; contract: SpeakerEncoderContract }>();

export async function embedSpeaker(id: string, load: (() => { bytes: ArrayBuffer; contract: SpeakerEncoderContract }) | null, pcm: Float32Array, sampleRate: number): Promise<Float32Array> {
  let s = sessions.get(id);
  if (!s) {
    if (!load) throw new TtsError('voice-not-found', 'The voice-clone model is not loaded.');
    const { bytes, contract } = load();
    let session: OrtSession;
    try {
      session = await createSession(bytes, { prefer: 'wasm' });
    } catch (err) {
      throw new TtsError('engine-load-failed', `The voice-clone model could not be loaded: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (!session.session.inputNames.includes('audio')) {
      throw new TtsError('engine-load-failed', `This model is not a speaker encoder: it has no "audio" input (it has ${session.session.inputNames.join(', ')}).`);
    }
    s = { session, contract };
    sessions.set(id, s);
  }
  // Whole 10 ms hops: encoders frame the audio; a partial last frame is padded with silence.
  const hop = Math.round(s.contract.sampleRate / 100);
  const raw = resampleLinear(pcm, sampleRate, s.contract.sampleRate);
  const audio = new Float32Array(Math.max(hop, Math.ceil(raw.length / hop) * hop));
  audio.set(raw);
  try {
    const out = await s.session.session.run({ audio: new ort.Tensor('float32', audio, [1, audio.length]) });
    const e = out[s.session.session.outputNames[0]!]!.data as Float32Array;
    if (e.length !== s.contract.dim) throw new Error(`embedding has ${e.length} values, the contract says ${s.contract.dim}`);
    return l2normalize(Float32Array.from(e));
  } catch (err) {
    throw new TtsError('synthesis-failed', `The voice-clone model failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
