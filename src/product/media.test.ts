import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkImage, checkImageRoom, checkVideo, imageDimensions, jpegOrientation, MediaError, MIN_IMAGE_SIDE, sniffHeif, sniffImage, sniffVideo } from './media.ts';
import { LIMITS } from '../storage/project-limits.ts';
import { withExifOrientation } from './exif-fixture.ts';
import { probeVideo } from './video.ts';
import { transcodeArgs } from './transcode-args.ts';

/** Real files from Debian's ffmpeg, so the header parsers meet what encoders really write. */
function makeImage(ext: 'png' | 'jpg' | 'webp' | 'gif', w: number, h: number, extra: string[] = []): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'talkreel-media-'));
  const out = join(dir, `x.${ext}`);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc=size=${w}x${h}`, '-frames:v', '1', ...extra, '-y', out]);
  return new Uint8Array(readFileSync(out));
}

function makeVideo(name: string, args: string[]): Uint8Array<ArrayBuffer> {
  const dir = mkdtempSync(join(tmpdir(), 'talkreel-video-'));
  const out = join(dir, name);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=f=440', '-t', '1.2', ...args, '-y', out]);
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

  it('reads WebP (lossy, lossless, extended) and GIF headers', () => {
    const lossy = makeImage('webp', 333, 222, ['-c:v', 'libwebp', '-lossless', '0']);
    const lossless = makeImage('webp', 301, 199, ['-c:v', 'libwebp', '-lossless', '1']);
    const gif = makeImage('gif', 160, 90);
    expect(sniffImage(lossy)).toBe('webp');
    expect(imageDimensions(lossy, 'webp')).toEqual({ width: 333, height: 222 });
    expect(imageDimensions(lossless, 'webp')).toEqual({ width: 301, height: 199 });
    // VP8X (extended) header: animated WebP always has one.
    const extended = makeImage('webp', 257, 129, ['-frames:v', '2', '-c:v', 'libwebp_anim']);
    expect(String.fromCharCode(...extended.subarray(12, 16))).toBe('VP8X');
    expect(imageDimensions(extended, 'webp')).toEqual({ width: 257, height: 129 });
    expect(checkImage(gif, gif.length, 'a.gif', { minSide: 0 })).toMatchObject({ kind: 'gif', mime: 'image/gif', width: 160, height: 90 });
    expect(checkImage(lossy, lossy.length, 'a.webp')).toMatchObject({ kind: 'webp', mime: 'image/webp' });
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

/** A picture made by ImageMagick (`convert`), the way a user's tools would write it. */
function magick(name: string, args: string[]): Uint8Array {
  const out = join(mkdtempSync(join(tmpdir(), 'talkreel-magick-')), name);
  execFileSync('convert', [...args, out]);
  return new Uint8Array(readFileSync(out));
}

describe('product image limits', () => {
  it(`refuses pictures shorter than ${MIN_IMAGE_SIDE} px on a side, takes them at the minimum`, () => {
    const dot = magick('dot.png', ['-size', '1x1', 'xc:red']);
    const err = (() => {
      try {
        checkImage(dot, dot.length, 'pixel.png');
      } catch (e) {
        return e as MediaError;
      }
      return null;
    })();
    expect(err?.code).toBe('too-small');
    expect(err?.message).toBe('“pixel.png” is only 1×1 px; a product picture needs at least 200 px on its shorter side to look sharp in the video. Use a bigger photo (a shop’s thumbnail is too small).');
    const thin = magick('thin.jpg', ['-size', `1200x${MIN_IMAGE_SIDE - 1}`, 'xc:blue']);
    expect(() => checkImage(thin, thin.length, 'banner.jpg')).toThrow(/1200×199 px/);
    const edge = magick('edge.jpg', ['-size', `${MIN_IMAGE_SIDE}x900`, 'xc:blue']);
    expect(checkImage(edge, edge.length, 'edge.jpg')).toMatchObject({ width: MIN_IMAGE_SIDE, height: 900 });
    // Projects made before the minimum keep their small pictures (the archive asks for none).
    expect(checkImage(dot, dot.length, 'pixel.png', { minSide: 0 })).toMatchObject({ width: 1, height: 1 });
  });

  it('names HEIC (and AVIF) plainly and says how to convert, from real files', () => {
    const heic = magick('IMG_0001.heic', ['-size', '400x300', 'xc:red']);
    const avif = magick('x.avif', ['-size', '400x300', 'xc:red']);
    expect(sniffHeif(heic)).toBe('heic');
    expect(sniffHeif(avif)).toBe('avif');
    expect(() => checkImage(heic, heic.length, 'IMG_0001.HEIC')).toThrow(/^“IMG_0001.HEIC” is a HEIC photo \(the iPhone’s own format\), which talkreel does not support\. .*File → Export → JPEG/);
    expect(() => checkImage(avif, avif.length, 'x.avif')).toThrow('“x.avif” is an AVIF image, which talkreel does not support; save it as JPEG or PNG first.');
    // An MP4 is not a HEIC photo.
    const mp4 = makeVideo('c.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an']);
    expect(sniffHeif(mp4)).toBeNull();
  });

  it('reads the EXIF orientation of a phone photo and reports the upright size', () => {
    const stored = magick('side.jpg', ['-size', '400x300', 'xc:red']);
    for (const o of [1, 3, 6, 8]) {
      const photo = withExifOrientation(stored, o);
      // ImageMagick reads the tag back: the fixture is what a camera writes.
      const path = join(mkdtempSync(join(tmpdir(), 'talkreel-exif-')), 'p.jpg');
      execFileSync('sh', ['-c', `cat > ${path}`], { input: photo });
      expect(execFileSync('identify', ['-format', '%[EXIF:Orientation]', path], { encoding: 'utf8' })).toBe(String(o));
      expect(jpegOrientation(photo)).toBe(o);
      const upright = o >= 5 ? { width: 300, height: 400 } : { width: 400, height: 300 };
      expect(checkImage(photo, photo.length, 'p.jpg')).toMatchObject({ ...upright, orientation: o });
    }
    expect(jpegOrientation(stored)).toBe(1);
  });

  it(`holds at most ${LIMITS.images} images a project`, () => {
    expect(() => checkImageRoom(LIMITS.images - 1, 'a.jpg')).not.toThrow();
    expect(() => checkImageRoom(LIMITS.images, 'b.jpg')).toThrow(`“b.jpg” was not added: a project holds at most ${LIMITS.images} images. Remove some you do not use first.`);
  });
});

describe('video intake', () => {
  it('identifies MP4, MOV and WebM by their bytes and enforces 500 MB', () => {
    const mp4 = makeVideo('a.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac']);
    const mov = makeVideo('a.mov', ['-c:v', 'prores_ks', '-an']);
    const webm = makeVideo('a.webm', ['-c:v', 'libvpx-vp9', '-an']);
    expect(sniffVideo(mp4)).toBe('mp4');
    expect(sniffVideo(mov)).toBe('mov');
    expect(sniffVideo(webm)).toBe('webm');
    expect(checkVideo(mp4, mp4.length, 'a.mp4')).toEqual({ container: 'mp4', mime: 'video/mp4' });
    expect(() => checkVideo(mp4, 501 * 1024 * 1024, 'big.mp4')).toThrow('“big.mp4” is 501 MB; videos must be under 500 MB.');
    const text = new TextEncoder().encode('not a video at all');
    expect(() => checkVideo(text, text.length, 'clip.mp4')).toThrow('“clip.mp4” is not an MP4, MOV or WebM video (whatever its name says).');
    expect(() => checkVideo(new Uint8Array(), 0, 'zero.mp4')).toThrow(/empty/);
    // An AVIF picture is ISO BMFF too, but not a video.
    const avifHead = new Uint8Array([0, 0, 0, 0x1c, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66]);
    expect(sniffVideo(avifHead)).toBeNull();
  });

  it('reads duration, size and codec with mediabunny', async () => {
    const mp4 = makeVideo('b.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac']);
    const info = await probeVideo(new Blob([mp4]), 'b.mp4');
    expect(info).toMatchObject({ container: 'mp4', width: 320, height: 240, codec: 'avc', audioCodec: 'aac', decodable: null });
    expect(info.duration).toBeGreaterThan(1.1);
    expect(info.duration).toBeLessThan(1.4);
    const mov = makeVideo('b.mov', ['-c:v', 'prores_ks', '-an']);
    expect(await probeVideo(new Blob([mov]), 'b.mov')).toMatchObject({ container: 'mov', codec: 'prores', audioCodec: null });
    const truncated = mp4.slice(0, 2000);
    await expect(probeVideo(new Blob([truncated]), 'cut.mp4')).rejects.toThrow(MediaError);
  });
});

describe('conversion arguments', () => {
  it('turn a ProRes MOV into H.264/AAC MP4 with even sides, at most 1920 px (checked with native ffmpeg)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkreel-transcode-'));
    const input = join(dir, 'wide.mov');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=2401x1001:rate=25', '-f', 'lavfi', '-i', 'sine=f=440', '-t', '0.4', '-c:v', 'prores_ks', '-c:a', 'pcm_s16le', '-y', input]);
    const output = join(dir, 'out.mp4');
    execFileSync('ffmpeg', ['-loglevel', 'error', ...transcodeArgs(input, output), '-y']);
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', output], { encoding: 'utf8' })) as { streams: Array<{ codec_name: string; width?: number; height?: number; pix_fmt?: string }> };
    expect(probe.streams.map((s) => s.codec_name)).toEqual(['h264', 'aac']);
    expect(probe.streams[0]).toMatchObject({ width: 1920, height: 800, pix_fmt: 'yuv420p' });
  });
});
