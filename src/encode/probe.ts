/**
 * Capability probe for the export encoders (runs in the render worker or the page). Asks the
 * browser, never guesses from the user agent: WebCodecs may exist and still refuse H.264 at
 * 1080×1920 (no encoder, or a level limit).
 */
import type { EncoderCaps } from './choose.ts';
import { avcCodecString } from './gop-lanes.ts';

export async function probeEncoders(width: number, height: number, fps: number, bitrate: number): Promise<EncoderCaps> {
  const webcodecs = typeof VideoEncoder === 'function' && typeof VideoFrame === 'function';
  let h264 = false;
  if (webcodecs) {
    for (const profile of ['high', 'main', 'baseline'] as const) {
      const config: VideoEncoderConfig = { codec: avcCodecString(width, height, profile), width, height, bitrate, framerate: fps, avc: { format: 'avc' } };
      const ok = await VideoEncoder.isConfigSupported(config).then((r) => r.supported === true, () => false);
      if (ok) {
        h264 = true;
        break;
      }
    }
  }
  return { webcodecs, h264, wasm: typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function' };
}
