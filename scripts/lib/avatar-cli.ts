/**
 * Custom avatars on the command line (`npm run check-avatar`, `render --avatar-photo/--avatar-video`):
 * files are checked by their bytes here, then handed to the headless page as file inputs (a
 * large video stays on disk, streamed by the page) and made with the app's own avatar code.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import type { CheckReport } from '../../src/avatar/types.ts';
import { parseRgb } from '../../src/avatar/signal.ts';
import { sniffImage, sniffVideo } from '../../src/product/media.ts';

export interface AvatarFileArg {
  path: string;
  kind: 'video' | 'photo';
}

function head(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64);
    const n = readSync(fd, buf, 0, 64, 0);
    return new Uint8Array(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** Checks that `path` exists and is what the flag says (by its bytes). Returns a message on failure. */
export function checkAvatarFile(path: string, kind: 'video' | 'photo' | 'any'): { ok: AvatarFileArg } | { error: string } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    return { error: `cannot read ${path}: ${(err as Error).message}` };
  }
  if (!size) return { error: `${path} is empty` };
  const bytes = head(path);
  const image = sniffImage(bytes);
  const video = sniffVideo(bytes);
  const found = image === 'png' || image === 'jpeg' ? 'photo' : video === 'mp4' || video === 'mov' ? 'video' : null;
  if (!found) return { error: `${basename(path)} is not an MP4 or MOV video, nor a PNG or JPEG photo (whatever its name says)` };
  if (kind !== 'any' && found !== kind) return { error: `${basename(path)} is a ${found === 'photo' ? `${image!.toUpperCase()} picture` : 'video'}, not a ${kind} (whatever its name says)` };
  return { ok: { path, kind: found } };
}

export function checkBackdrop(text: string | undefined): string | null {
  if (text === undefined) return null;
  return parseRgb(text) ? null : `--backdrop must look like "rgb(0,177,64)" (got ${text})`;
}

/** Puts `path` into a hidden file input of the page; returns the `input:` URL the page reads. */
export async function handOver(page: Page, id: string, path: string): Promise<string> {
  await page.evaluate((inputId) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = inputId;
    input.hidden = true;
    document.body.append(input);
  }, id);
  await page.setInputFiles(`#${id}`, path);
  return `input:#${id}`;
}

/** One line per failed item, for error messages. */
export function failures(report: CheckReport | undefined): string {
  return (report?.items ?? []).filter((i) => i.status === 'fail').map((i) => `  ✕ ${i.label}: ${i.value} (limit: ${i.limit}). ${i.advice}`).join('\n');
}

export interface CliAvatar {
  file: AvatarFileArg;
  backdrop?: string;
  background?: string;
  gender?: 'female' | 'male';
}

/**
 * Makes the avatar in the page (self-check, preparation, saved in the page's library) and
 * returns the presenter id a render job names, or a message saying why it was refused.
 */
export async function createAvatar(page: Page, a: CliAvatar): Promise<{ presenterId: string; report: CheckReport; preprocessMs: number } | { error: string }> {
  const url = await handOver(page, 'talkreel-avatar', a.file.path);
  const backgroundUrl = a.background ? await handOver(page, 'talkreel-background', a.background) : undefined;
  const res = await page.evaluate((job) => window.talkreel.avatar.create(job), {
    url,
    name: basename(a.file.path),
    kind: a.file.kind,
    gender: a.gender ?? 'female',
    ...(a.backdrop ? { backdrop: a.backdrop } : {}),
    ...(backgroundUrl ? { backgroundUrl } : {}),
  });
  if ('error' in res) return { error: res.report ? `${basename(a.file.path)} did not pass the avatar self-check:\n${failures(res.report)}` : res.error.message };
  return res;
}

/** Reads --avatar-photo / --avatar-video / --backdrop / --background; calls `fail` with a message when wrong. */
export function avatarArgs(values: { 'avatar-photo'?: string; 'avatar-video'?: string; backdrop?: string; background?: string; avatar?: string }, fail: (msg: string) => never): CliAvatar | null {
  const photo = values['avatar-photo'];
  const video = values['avatar-video'];
  if (photo !== undefined && video !== undefined) fail('--avatar-photo and --avatar-video exclude each other');
  if ((photo !== undefined || video !== undefined) && values.avatar !== undefined) fail('--avatar names a built-in presenter: use it or --avatar-photo/--avatar-video, not both');
  const path = photo ?? video;
  if (path === undefined) {
    if (values.backdrop !== undefined || values.background !== undefined) fail('--backdrop and --background go with --avatar-photo or --avatar-video');
    return null;
  }
  const checked = checkAvatarFile(path, photo !== undefined ? 'photo' : 'video');
  if ('error' in checked) fail(checked.error);
  const bad = checkBackdrop(values.backdrop);
  if (bad) fail(bad);
  if (values.background !== undefined) {
    const bg = checkAvatarFile(values.background, 'photo');
    if ('error' in bg) fail(`--background: ${bg.error}`);
  }
  return { file: checked.ok, ...(values.backdrop ? { backdrop: values.backdrop } : {}), ...(values.background ? { background: values.background } : {}) };
}
