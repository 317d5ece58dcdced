/** What this widget can do in this browser, for `ready.capabilities`. */
import { ASPECT_RATIOS, DURATIONS, JOB_TYPES, LIMITS, MOTION_STYLES, PROTOCOL, RESOLUTIONS, type Capabilities } from './protocol.ts';

export function detectCapabilities(o: { canParsePages: boolean }): Capabilities {
  const isolated = globalThis.crossOriginIsolated === true;
  return {
    protocols: [PROTOCOL],
    job_types: [...JOB_TYPES],
    aspect_ratios: [...ASPECT_RATIOS],
    durations: [...DURATIONS],
    resolutions: [...RESOLUTIONS],
    motion_styles: [...MOTION_STYLES],
    cross_origin_isolated: isolated,
    // Without isolation there is no SharedArrayBuffer, so no wasm threads: every runtime here
    // (espeak-ng, the AAC encoder, the renderer) runs single-threaded, in workers.
    single_threaded: !(isolated && typeof SharedArrayBuffer !== 'undefined'),
    webcodecs: typeof VideoEncoder !== 'undefined',
    product_url: { fetch: true, parse: o.canParsePages },
    webhooks: true,
    message_channel: typeof MessageChannel !== 'undefined',
    max_data_bytes: LIMITS.maxDataBytes,
    max_image_bytes: LIMITS.maxBlobBytes,
    max_images: LIMITS.maxBlobs,
  };
}
