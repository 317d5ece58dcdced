import { describe, expect, it } from 'vitest';
import { EncoderError, planEncoders } from './choose.ts';

const all = { webcodecs: true, h264: true, wasm: true };

describe('planEncoders', () => {
  it('prefers WebCodecs and keeps ffmpeg.wasm as the fallback', () => {
    expect(planEncoders('auto', all).order).toEqual(['webcodecs', 'ffmpeg']);
  });
  it('uses ffmpeg.wasm when WebCodecs is missing or refuses H.264, and says why', () => {
    const missing = planEncoders('auto', { webcodecs: false, h264: false, wasm: true });
    expect(missing.order).toEqual(['ffmpeg']);
    expect(missing.reason).toMatch(/no WebCodecs/);
    const refused = planEncoders('auto', { webcodecs: true, h264: false, wasm: true });
    expect(refused.order).toEqual(['ffmpeg']);
    expect(refused.reason).toMatch(/refused/);
  });
  it('honours the settings override', () => {
    expect(planEncoders('ffmpeg', all).order).toEqual(['ffmpeg']);
    expect(planEncoders('webcodecs', all).order).toEqual(['webcodecs']);
  });
  it('refuses an override the browser cannot do, with a reason and a way out', () => {
    expect(() => planEncoders('webcodecs', { webcodecs: false, h264: false, wasm: true })).toThrow(/no WebCodecs.*Automatic/);
    expect(() => planEncoders('webcodecs', { webcodecs: true, h264: false, wasm: true })).toThrow(EncoderError);
    expect(() => planEncoders('auto', { webcodecs: false, h264: false, wasm: false })).toThrow(/cannot export/);
  });
});
