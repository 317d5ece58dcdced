import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ArchiveError, ARCHIVE_VERSION, MAX_ENTRY_BYTES, MAX_MUSIC_ENTRY_BYTES, packProject, unpackProject, type ArchiveMedia } from './archive.ts';
import type { ProjectRecord } from './schema.ts';

const jpeg = new Uint8Array(readFileSync(new URL('../../examples/bottle-hero.jpg', import.meta.url)));
const png = new Uint8Array(readFileSync(new URL('../../public/icon-192.png', import.meta.url)));

const tmp = mkdtempSync(join(tmpdir(), 'talkreel-archive-'));
/** Real files from Debian's ffmpeg, so the magic-byte checks meet what encoders really write. */
function ffmpeg(name: string, args: string[]): Uint8Array {
  const out = join(tmp, name);
  execFileSync('ffmpeg', ['-loglevel', 'error', ...args, '-y', out]);
  return new Uint8Array(readFileSync(out));
}
const sine = ['-f', 'lavfi', '-i', 'sine=frequency=220:duration=0.5'];
const mp4 = ffmpeg('x.mp4', ['-f', 'lavfi', '-i', 'testsrc=size=64x64:duration=0.5', '-pix_fmt', 'yuv420p']);
const m4a = ffmpeg('x.m4a', sine);
const audio = {
  mp3: ffmpeg('x.mp3', sine),
  wav: ffmpeg('x.wav', sine),
  ogg: ffmpeg('x.ogg', [...sine, '-c:a', 'libvorbis']),
  flac: ffmpeg('x.flac', sine),
  webm: ffmpeg('x.webm', [...sine, '-c:a', 'libopus']),
  aac: ffmpeg('x.aac', sine),
};
/** A WebM video header (EBML, DocType "webm"): enough for the magic-byte check, nothing decodes it here. */
const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0x82, 0x84, ...strToU8('webm'), ...new Uint8Array(64)]);

const project: ProjectRecord = {
  id: 'prj_abc123',
  name: 'Aurora',
  createdAt: 1,
  updatedAt: 2,
  product: {
    name: 'Aurora Bottle',
    description: 'Keeps drinks cold.',
    features: ['Cold for 24 hours'],
    price: '$34',
    images: [{ id: 'img_1', name: 'hero.jpg', mime: 'image/jpeg', width: 1200, height: 1200, selected: true }],
  },
  settings: { ratio: '9:16', duration: 15, language: 'en', voiceId: 'en-us-f', presenterId: 'ava', resolution: 1080 },
  script: { options: [], selectedId: null, segments: [{ text: 'Hello.', scene: { kind: 'presenter' } }], basis: '[]' },
  videoRequested: true,
};

/** The same project with a product video and background music. */
const full: ProjectRecord = {
  ...project,
  product: { ...project.product, video: { id: 'vid_1', name: 'demo.mp4', mime: 'video/mp4', width: 64, height: 64, duration: 0.5, size: mp4.length, codec: 'avc' } },
  creative: { id: 'split', edits: { accent: '#ff0000', music: { mediaId: 'mus_1', name: 'chord.m4a', volume: 0.6 } } },
};
const fullMedia: ArchiveMedia[] = [
  { id: 'img_1', mime: 'image/jpeg', bytes: jpeg },
  { id: 'vid_1', mime: 'video/mp4', bytes: mp4 },
  { id: 'mus_1', mime: 'audio/x-m4a', bytes: m4a },
];

const failure = (fn: () => unknown): ArchiveError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ArchiveError) return err;
    throw err;
  }
  throw new Error('no error');
};
const code = (fn: () => unknown): string => {
  try {
    return failure(fn).code;
  } catch (err) {
    if (err instanceof Error && err.message === 'no error') return 'no error';
    throw err;
  }
};

const zipOf = (files: Record<string, Uint8Array>) => zipSync(files);
const manifestV = (version: number) => strToU8(JSON.stringify({ format: 'talkreel-project', version, exportedAt: '2026-01-01T00:00:00Z' }));
const manifest = manifestV(1);
const manifest2 = manifestV(2);
const json = (p: unknown) => strToU8(JSON.stringify(p));
/** A format-2 archive of `full` with some files replaced or left out. */
const fullZip = (files: Record<string, Uint8Array | null>, p: unknown = full) => {
  const all: Record<string, Uint8Array | null> = { 'manifest.json': manifest2, 'project.json': json(p), 'media/img_1.jpg': jpeg, 'media/vid_1.mp4': mp4, 'media/mus_1.m4a': m4a, ...files };
  return zipOf(Object.fromEntries(Object.entries(all).filter((e): e is [string, Uint8Array] => e[1] !== null)));
};

describe('project archive', () => {
  it('round-trips a project and its images', () => {
    const zip = packProject(project, [{ id: 'img_1', mime: 'image/jpeg', bytes: jpeg }]);
    const back = unpackProject(zip);
    expect(back.project).toEqual(project);
    expect(back.media).toHaveLength(1);
    expect(back.media[0]!.bytes).toEqual(jpeg);
  });

  it('round-trips the product video and the background music, stored uncompressed under media/<id>.<ext>', () => {
    expect(ARCHIVE_VERSION).toBe(2);
    const zip = packProject(full, fullMedia);
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', 'media/img_1.jpg', 'media/mus_1.m4a', 'media/vid_1.mp4', 'project.json']);
    expect(JSON.parse(strFromU8(entries['manifest.json']!))).toMatchObject({ format: 'talkreel-project', version: 2 });
    // Stored (level 0): the raw bytes appear as they are inside the zip.
    const at = Buffer.from(zip).indexOf(Buffer.from(mp4.subarray(0, 4096)));
    expect(at).toBeGreaterThan(0);
    const back = unpackProject(zip);
    expect(back.project).toEqual(full);
    const byId = Object.fromEntries(back.media.map((m) => [m.id, m]));
    expect(byId.vid_1).toMatchObject({ kind: 'video', mime: 'video/mp4' });
    expect(byId.vid_1!.bytes).toEqual(mp4);
    // The music's type comes from its bytes, not from what the browser guessed when it was added.
    expect(byId.mus_1).toMatchObject({ kind: 'music', mime: 'audio/mp4' });
    expect(byId.mus_1!.bytes).toEqual(m4a);
    expect(byId.img_1).toMatchObject({ kind: 'image', mime: 'image/jpeg' });
  });

  it('carries every music format the browser decodes, with its own extension', () => {
    const expected = { mp3: ['mp3', 'audio/mpeg'], wav: ['wav', 'audio/wav'], ogg: ['ogg', 'audio/ogg'], flac: ['flac', 'audio/flac'], webm: ['webm', 'audio/webm'], aac: ['aac', 'audio/aac'] } as const;
    for (const [format, bytes] of Object.entries(audio) as Array<[keyof typeof audio, Uint8Array]>) {
      const zip = packProject(full, [fullMedia[0]!, fullMedia[1]!, { id: 'mus_1', mime: 'audio/*', bytes }]);
      const [ext, mime] = expected[format];
      expect(Object.keys(unzipSync(zip))).toContain(`media/mus_1.${ext}`);
      const back = unpackProject(zip);
      expect(back.media.find((m) => m.kind === 'music')).toMatchObject({ mime });
    }
  });

  it('carries a WebM product video', () => {
    const p = { ...full, product: { ...full.product, video: { ...full.product.video!, name: 'demo.webm', mime: 'video/webm', size: webm.length } } };
    const zip = packProject(p, [fullMedia[0]!, { id: 'vid_1', mime: 'video/webm', bytes: webm }, fullMedia[2]!]);
    expect(Object.keys(unzipSync(zip))).toContain('media/vid_1.webm');
    expect(unpackProject(zip).media.find((m) => m.kind === 'video')).toMatchObject({ mime: 'video/webm' });
  });

  it('drops a video or music whose bytes are missing (or music that is no audio) rather than failing', () => {
    const noVideo = unpackProject(packProject(full, [fullMedia[0]!, fullMedia[2]!]));
    expect(noVideo.project.product.video).toBeUndefined();
    expect(noVideo.project.creative?.edits?.music).toEqual(full.creative!.edits!.music);
    const noMusic = unpackProject(packProject(full, [fullMedia[0]!, fullMedia[1]!]));
    expect(noMusic.project.creative).toEqual({ id: 'split', edits: { accent: '#ff0000' } });
    expect(noMusic.project.product.video).toEqual(full.product.video);
    const notAudio = unpackProject(packProject(full, [fullMedia[0]!, fullMedia[1]!, { id: 'mus_1', mime: 'audio/mpeg', bytes: jpeg }]));
    expect(notAudio.project.creative?.edits?.music).toBeUndefined();
  });

  it('still imports format-1 archives; their video and music references (never carried) are dropped', () => {
    const v1 = zipOf({ 'manifest.json': manifest, 'project.json': json(full), 'media/img_1.jpg': jpeg });
    const back = unpackProject(v1);
    expect(back.project.product.video).toBeUndefined();
    expect(back.project.creative).toEqual({ id: 'split', edits: { accent: '#ff0000' } });
    expect(back.project.product.images).toEqual(project.product.images);
    expect(back.media.map((m) => m.id)).toEqual(['img_1']);
  });

  it('refuses a video or music whose bytes are not what they claim to be', () => {
    const badVideo = failure(() => unpackProject(fullZip({ 'media/vid_1.mp4': jpeg })));
    expect(badVideo.code).toBe('bad-media');
    expect(badVideo.message).toBe('The product video “demo.mp4” is not an MP4, MOV or WebM video (whatever its name says).');
    const emptyVideo = failure(() => unpackProject(fullZip({ 'media/vid_1.mp4': new Uint8Array(0) })));
    expect(emptyVideo.message).toBe('The product video “demo.mp4” is empty.');
    const badMusic = failure(() => unpackProject(fullZip({ 'media/mus_1.m4a': strToU8('not music at all, just some text') })));
    expect(badMusic.code).toBe('bad-media');
    expect(badMusic.message).toMatch(/^The background music “chord\.m4a” in the archive is not MP3, M4A, AAC, WAV, Ogg, FLAC or WebM audio/);
    expect(code(() => unpackProject(fullZip({ 'media/mus_1.m4a': jpeg })))).toBe('bad-media');
  });

  it('refuses media whose type disagrees with the project (or its file name)', () => {
    // The project says WebM, the bytes are MP4.
    const asWebm = { ...full, product: { ...full.product, video: { ...full.product.video!, mime: 'video/webm' } } };
    const video = failure(() => unpackProject(fullZip({ 'media/vid_1.mp4': null, 'media/vid_1.webm': mp4 }, asWebm)));
    expect(video.code).toBe('bad-media');
    expect(video.message).toBe('The product video “demo.mp4” is MP4, but the project says video/webm.');
    // Ogg bytes stored as .mp3.
    const music = failure(() => unpackProject(fullZip({ 'media/mus_1.m4a': null, 'media/mus_1.mp3': audio.ogg })));
    expect(music.message).toBe('The background music “chord.m4a” is Ogg audio, but the archive stores it as “.mp3”.');
    // A PNG where the project says JPEG.
    const image = failure(() => unpackProject(fullZip({ 'media/img_1.jpg': png })));
    expect(image.message).toBe('The image “hero.jpg” is image/png, but the project says image/jpeg.');
    // A video type the archive does not know.
    const odd = { ...full, product: { ...full.product, video: { ...full.product.video!, mime: 'video/avi' } } };
    expect(code(() => unpackProject(fullZip({}, odd)))).toBe('bad-project');
  });

  it('refuses a missing video or music file, naming it', () => {
    const video = failure(() => unpackProject(fullZip({ 'media/vid_1.mp4': null })));
    expect(video.code).toBe('bad-media');
    expect(video.message).toBe('The product video “demo.mp4” is missing from the archive.');
    const music = failure(() => unpackProject(fullZip({ 'media/mus_1.m4a': null })));
    expect(music.code).toBe('bad-media');
    expect(music.message).toBe('The background music “chord.m4a” is missing from the archive.');
  });

  it('limits each file by its kind: images 20 MB, music 50 MB, the video 500 MB', () => {
    // A video may be larger than an image or a music file may be.
    const bigVideo = new Uint8Array(60 * 1048576);
    bigVideo.set(mp4.subarray(0, 64));
    const big = { ...full, product: { ...full.product, video: { ...full.product.video!, size: bigVideo.length } } };
    expect(unpackProject(fullZip({ 'media/vid_1.mp4': bigVideo }, big)).media.find((m) => m.kind === 'video')!.bytes.length).toBe(bigVideo.length);
    // Music over 50 MB (zeros: the zip is tiny, the inflated bytes are counted).
    const music = failure(() => unpackProject(zipOf({ 'manifest.json': manifest2, 'project.json': json(full), 'media/img_1.jpg': jpeg, 'media/vid_1.mp4': mp4, 'media/mus_1.m4a': new Uint8Array(MAX_MUSIC_ENTRY_BYTES + 1) })));
    expect(music.code).toBe('too-large');
    expect(music.message).toBe('“media/mus_1.m4a” unpacks to more than the 50 MB a music file may have.');
    // A music file in a .webm keeps the music limit (not the video's).
    expect(code(() => unpackProject(zipOf({ 'manifest.json': manifest2, 'project.json': json(full), 'media/img_1.jpg': jpeg, 'media/vid_1.mp4': mp4, 'media/mus_1.webm': new Uint8Array(MAX_MUSIC_ENTRY_BYTES + 1) })))).toBe('too-large');
    // An image over 20 MB.
    expect(code(() => unpackProject(zipOf({ 'manifest.json': manifest2, 'project.json': json(project), 'media/img_1.jpg': new Uint8Array(MAX_ENTRY_BYTES + 1) })))).toBe('too-large');
  });

  it('refuses a video over 500 MB', () => {
    const huge = new Uint8Array(500 * 1048576 + 1);
    huge.set(mp4.subarray(0, 64));
    const zip = zipSync({ 'manifest.json': manifest2, 'project.json': json(full), 'media/img_1.jpg': jpeg, 'media/vid_1.mp4': huge, 'media/mus_1.m4a': m4a }, { level: 1 });
    const err = failure(() => unpackProject(zip));
    expect(err.code).toBe('too-large');
    expect(err.message).toBe('“media/vid_1.mp4” unpacks to more than the 500 MB a product video may have.');
  });

  it('rejects files that are not zips, damaged zips and newer formats', () => {
    expect(code(() => unpackProject(jpeg))).toBe('not-a-zip');
    const zip = packProject(project, [{ id: 'img_1', mime: 'image/jpeg', bytes: jpeg }]);
    expect(code(() => unpackProject(zip.subarray(0, Math.floor(zip.length / 2))))).toMatch(/corrupt|bad-manifest|bad-media/);
    const newer = zipOf({ 'manifest.json': strToU8(JSON.stringify({ format: 'talkreel-project', version: 99, exportedAt: 'x' })), 'project.json': strToU8('{}') });
    expect(code(() => unpackProject(newer))).toBe('newer-version');
    // A newer format with files this version does not know: "newer", not "unexpected file".
    const newerFiles = zipOf({ 'manifest.json': manifestV(3), 'project.json': strToU8('{}'), 'media/x.heic': strToU8('x') });
    expect(code(() => unpackProject(newerFiles))).toBe('newer-version');
    expect(code(() => unpackProject(zipOf({ 'project.json': strToU8('{}') })))).toBe('bad-manifest');
  });

  it('rejects path traversal and unexpected entries', () => {
    for (const name of ['../evil.txt', '/etc/passwd', 'media/../../x.jpg', 'media\\x.jpg', 'script.js', 'media/x.mp4.js', 'media/a/b.mp4']) {
      expect(code(() => unpackProject(zipOf({ 'manifest.json': manifest, [name]: strToU8('x') })))).toBe('bad-path');
      expect(code(() => unpackProject(zipOf({ 'manifest.json': manifest2, [name]: strToU8('x') })))).toBe('bad-path');
      expect(code(() => unpackProject(zipOf({ [name]: strToU8('x') })))).toBe('bad-path');
    }
  });

  it('stops a zip bomb by counting inflated bytes', () => {
    const bomb = zipOf({ 'manifest.json': manifest, 'project.json': json(project), 'media/img_1.jpg': new Uint8Array(64 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(code(() => unpackProject(bomb))).toBe('too-large');
  });

  it('validates the project and every image', () => {
    const bad = { ...project, settings: { ...project.settings, ratio: '4:3' } };
    expect(code(() => unpackProject(zipOf({ 'manifest.json': manifest, 'project.json': strToU8(JSON.stringify(bad)) })))).toBe('bad-project');
    expect(code(() => unpackProject(zipOf({ 'manifest.json': manifest, 'project.json': strToU8('{not json') })))).toBe('bad-project');
    const fakeImage = zipOf({ 'manifest.json': manifest, 'project.json': strToU8(JSON.stringify(project)), 'media/img_1.jpg': strToU8('not a jpeg') });
    expect(code(() => unpackProject(fakeImage))).toBe('bad-media');
    const missing = zipOf({ 'manifest.json': manifest, 'project.json': strToU8(JSON.stringify(project)) });
    expect(code(() => unpackProject(missing))).toBe('bad-media');
    // The same id for the video and an image.
    const twice = { ...full, product: { ...full.product, video: { ...full.product.video!, id: 'img_1' } } };
    expect(code(() => unpackProject(fullZip({ 'media/img_1.mp4': mp4 }, twice)))).toBe('bad-project');
    // A music reference with a hostile id.
    const hostile = { ...full, creative: { id: 'split', edits: { music: { mediaId: '../x', name: 'a.mp3' } } } };
    expect(code(() => unpackProject(fullZip({}, hostile)))).toBe('bad-project');
  });

  it('drops __proto__, constructor and prototype keys at every depth', () => {
    // Hostile keys at the top, inside checked objects and deep inside fields that pass through
    // unchecked (the creative's edits, a newer version's extras).
    const evil = '{"polluted":true}';
    const hostile = JSON.stringify(full)
      .replace('"name":"Aurora"', `"__proto__":${evil},"name":"Aurora"`)
      .replace('"name":"Aurora Bottle"', `"constructor":{"prototype":${evil}},"name":"Aurora Bottle"`)
      .replace('"accent":"#ff0000"', `"accent":"#ff0000","layers":{"__proto__":${evil},"list":[{"__proto__":${evil}}]},"prototype":${evil}`);
    expect(hostile.match(/"__proto__"/g)).toHaveLength(3);
    const { project: out } = unpackProject(fullZip({ 'project.json': strToU8(hostile) }));
    // Independent of how the importer guards: walk everything it returned.
    const seen: string[] = [];
    const walk = (x: unknown, path: string): void => {
      if (typeof x !== 'object' || x === null) return;
      if (!Array.isArray(x)) {
        expect(Object.getPrototypeOf(x), path).toBe(Object.prototype);
        // A later merge copies own keys with [[Set]]: a surviving "__proto__" would re-parent the target.
        expect((Object.assign({}, x) as Record<string, unknown>).polluted, path).toBeUndefined();
      }
      for (const key of Object.keys(x)) {
        if (['__proto__', 'constructor', 'prototype'].includes(key)) seen.push(`${path}.${key}`);
        walk((x as Record<string, unknown>)[key], `${path}.${key}`);
      }
    };
    walk(out, 'project');
    expect(seen).toEqual([]);
    // The pass-through field itself survives, minus the hostile keys.
    expect((out.creative?.edits as Record<string, unknown>).layers).toEqual({ list: [{}] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
