import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkImage, imageDimensions, MediaError, sniffImage } from './media.ts';

/** Real files from Debian's ffmpeg, so the header parsers meet what encoders really write. */
function makeImage(ext: 'png' | 'jpg', w: number, h: number): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'talkreel-media-'));
  const out = join(dir, `x.${ext}`);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc=size=${w}x${h}`, '-frames:v', '1', '-y', out]);
  return new Uint8Array(readFileSync(out));
}

describe('image intake', () => {
  it('identifies PNG and JPEG by magic bytes and reads their dimensions', () => {
    const png = makeImage('png', 320, 240);
    const jpg = makeImage('jpg', 641, 359);
    expect(sniffImage(png)).toBe('png');
    expect(sniffImage(jpg)).toBe('jpeg');
    expect(imageDimensions(png, 'png')).toEqual({ width: 320, height: 240 });
    expect(imageDimensions(jpg, 'jpeg')).toEqual({ width: 641, height: 359 });
    expect(checkImage(jpg, jpg.length, 'a.jpg')).toMatchObject({ mime: 'image/jpeg', width: 641, height: 359 });
  });

  it('rejects a text file renamed .png', () => {
    const fake = new TextEncoder().encode('hello, I am not a picture');
    expect(() => checkImage(fake, fake.length, 'photo.png')).toThrow(MediaError);
    expect(() => checkImage(fake, fake.length, 'photo.png')).toThrow(/not a PNG or JPEG/);
  });

  it('rejects oversize files, empty files and absurd dimensions before decoding', () => {
    const png = makeImage('png', 16, 16);
    expect(() => checkImage(png, 11 * 1024 * 1024, 'big.png')).toThrow(/under 10 MB/);
    expect(() => checkImage(new Uint8Array(), 0, 'zero.png')).toThrow(/empty/);
    const huge = png.slice(0, 24);
    new DataView(huge.buffer).setUint32(16, 30000);
    expect(() => checkImage(huge, huge.length, 'bomb.png')).toThrow(/30000×16/);
  });
});
