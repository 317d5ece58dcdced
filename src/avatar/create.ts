/*
 * Making a custom avatar, main-thread side: run the self-check (and preparation) in the lip-sync
 * worker, then save what it prepared with the user's name, gender and backdrop choice. Nothing is
 * saved unless the check passes; a failed save removes what it wrote (see storage/avatars.ts).
 */
import * as Comlink from 'comlink';
import type { AnalysisResult, AnalyzeProgress } from '../../workers/lipsync/analyze.ts';
import { checkImage, MediaError } from '../product/media.ts';
import { newId } from '../storage/ids.ts';
import { saveAvatar } from '../storage/avatars.ts';
import type { AvatarRecord } from '../storage/schema.ts';
import { acceptable } from './checks.ts';
import { AvatarError } from './errors.ts';
import { lipsync } from './lipsync-client.ts';
import type { AvatarBackdrop, AvatarGender, AvatarKind, Rgb } from './types.ts';

export type { AnalysisResult, AnalyzeProgress };

export interface CheckOptions {
  name: string;
  kind?: AvatarKind;
  key?: Rgb | null;
  signal?: AbortSignal;
  onProgress?: (p: AnalyzeProgress) => void;
}

/** The self-check (and, when it passes, the prepared material) of a video or photo. */
export function checkMaterial(file: Blob, opts: CheckOptions): Promise<AnalysisResult> {
  const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
  return lipsync().run((api) => api.analyzeAvatar(file, { name: opts.name, ...(opts.kind ? { kind: opts.kind } : {}), key: opts.key ?? null }, progress), opts.signal);
}

export interface NewAvatar {
  name: string;
  gender: AvatarGender;
  key: Rgb | null;
  backgroundColor?: Rgb | null;
  background?: Blob | null;
}

export const NAME_MAX = 40;

/** Validates a display name: 1–40 characters after trimming. */
export function checkName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (!n) throw new AvatarError('not-media', 'Give the avatar a name.');
  if (n.length > NAME_MAX) throw new AvatarError('not-media', `The name is ${n.length} characters long; at most ${NAME_MAX}.`);
  return n;
}

async function backgroundRef(blob: Blob): Promise<NonNullable<AvatarBackdrop['image']>> {
  const head = new Uint8Array(await blob.slice(0, 256 * 1024).arrayBuffer());
  try {
    const img = checkImage(head, blob.size, 'The background image');
    return { store: 'blob', blob, mime: img.mime, size: blob.size, width: img.width, height: img.height };
  } catch (err) {
    if (err instanceof MediaError) throw new AvatarError('not-media', err.message, { cause: err });
    throw err;
  }
}

/** The record an avatar would be saved as (for the quick preview before saving). */
export async function draftAvatar(file: Blob, analysis: AnalysisResult, input: NewAvatar): Promise<AvatarRecord> {
  const p = analysis.prepared;
  if (!p || !acceptable(analysis.report)) throw new AvatarError('no-face', 'This material did not pass the self-check, so no avatar was made. Fix the items marked “fail” and try again.');
  const name = checkName(input.name);
  const backdrop: AvatarBackdrop = { key: input.key };
  if (input.backgroundColor) backdrop.color = input.backgroundColor;
  if (input.background) backdrop.image = await backgroundRef(input.background);
  const id = newId('avt');
  const ext = p.kind === 'video' ? (p.media.mime === 'video/quicktime' ? 'mov' : 'mp4') : '';
  const record: AvatarRecord = {
    id,
    kind: p.kind,
    name,
    gender: input.gender,
    createdAt: Date.now(),
    media: p.kind === 'video' ? { ...p.media, store: 'opfs', file: `${id}.${ext}` } : { ...p.media, store: 'blob', blob: file },
    thumbnail: p.thumbnail,
    output: p.output,
    backdrop,
    track: p.track,
    ...(p.loop ? { loop: p.loop } : {}),
    ...(p.mouth ? { mouth: p.mouth } : {}),
    report: analysis.report,
    material: p.material,
    preprocessMs: p.preprocessMs,
  };
  return record;
}

/** Saves an avatar from a passed check; `file` is the original (a video is streamed into OPFS). */
export async function saveCheckedAvatar(file: Blob, analysis: AnalysisResult, input: NewAvatar, draft?: AvatarRecord): Promise<AvatarRecord> {
  const record = draft ?? (await draftAvatar(file, analysis, input));
  return saveAvatar({ ...record, name: checkName(input.name), gender: input.gender }, record.kind === 'video' ? file : undefined);
}
