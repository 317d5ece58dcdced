import type { DBSchema } from 'idb';
import type { CreativeChoice } from '../compose/creatives/edits.ts';
import type { Product } from '../product/types.ts';
import type { StoredAvatar } from '../avatar/types.ts';
import type { Duration, Ratio, ScriptOption, ScriptSegment } from '../script/types.ts';
import type { EncoderChoice, EncoderKind } from '../encode/choose.ts';
import type { BitratePreset } from '../encode/settings.ts';

export const DB_NAME = 'talkreel';
export const DB_VERSION = 2;

export interface ProjectSettings {
  ratio: Ratio;
  duration: Duration;
  language: string;
  voiceId: string;
  /** The voice's speed (0.5..2, 1 = normal) and pitch offset (-30..+30); absent = as built (issue 5). */
  voiceSpeed?: number;
  voicePitch?: number;
  presenterId: string;
  resolution: 720 | 1080;
}

export interface ProjectScript {
  options: ScriptOption[];
  selectedId: string | null;
  /** What the voice speaks: the chosen option's segments, possibly edited by the user. */
  segments: ScriptSegment[];
  /** Fingerprint of the inputs the options were written from; differs => script is stale. */
  basis: string;
}

export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  product: Product;
  settings: ProjectSettings;
  script: ProjectScript;
  /** The user pressed Generate Video: on reload the preview is rebuilt without asking. */
  videoRequested: boolean;
  /** The creative picked for export and the editor's changes to it; absent: the default creative, unedited. */
  creative?: CreativeChoice;
}

export interface MediaRecord {
  id: string;
  projectId: string;
  name: string;
  mime: string;
  width: number;
  height: number;
  size: number;
  blob: Blob;
  createdAt: number;
}

/** An exported video; its bytes are a file in the private file system (see files.ts). */
export interface AssetRecord {
  id: string;
  projectId: string;
  name: string;
  mime: string;
  width: number;
  height: number;
  duration: number;
  size: number;
  /** File name in the OPFS assets folder. */
  file: string;
  createdAt: number;
}

/** A custom avatar made from the user's video or photo (issue 7 owns its fields; see src/avatar/types.ts). */
export type AvatarRecord = StoredAvatar;

/** A voice the user brought: a recording, an upload or a clone sample (issue 5 owns its fields). */
export interface VoiceRecord {
  id: string;
  name: string;
  createdAt: number;
  kind: 'upload' | 'recording' | 'clone-sample';
  /** The original file as the user gave it (kept so nothing is lost). */
  original: Blob;
  originalName: string;
  /** Decoded, resampled to `sampleRate`, mono, loudness-normalised PCM (-1..1) as 32-bit float. */
  pcm: Blob;
  sampleRate: number;
  duration: number;
  /** Measured on the decoded audio before normalising. */
  sourceSampleRate: number;
  loudnessLufs: number;
  /** BCP 47 language the user said it speaks, if any. */
  language?: string;
}

/** Where an export task stands. `interrupted`: the tab running it closed or crashed. */
export type TaskStatus = 'queued' | 'running' | 'done' | 'error' | 'cancelled' | 'interrupted';

/** An export task shown in the Task Center (issue 9 owns its fields). */
export interface TaskRecord {
  id: string;
  createdAt: number;
  kind: 'export';
  status: TaskStatus;
  projectId: string;
  /** The project as it was when the export was asked for: a restart rebuilds voice and timeline from it. */
  project: ProjectRecord;
  /** Creative template id (src/compose/creatives); '' for the project's default layout. */
  creativeId: string;
  /** Shown in the Task Center: product name and creative. */
  title: string;
  resolution: 720 | 1080;
  encoder: EncoderChoice;
  /** Bitrate preset (src/encode/settings.ts). */
  quality?: BitratePreset;
  /** 0..1 */
  progress: number;
  startedAt?: number;
  finishedAt?: number;
  /** The encoder that actually ran, once known. */
  encoderUsed?: EncoderKind;
  /** Why it failed, as the user reads it. */
  error?: string;
  /** The finished video in My Assets. */
  assetId?: string;
  /** Export seconds of the last run, for the time estimates of later ones. */
  seconds?: number;
  /** Output size and length, once done. */
  width?: number;
  height?: number;
  duration?: number;
  size?: number;
}

/** A downloaded or imported model (voice or lip-sync); bytes live in OPFS (src/storage/models.ts). */
export interface ModelRecord {
  id: string;
  createdAt: number;
  task: 'tts' | 'lipsync' | 'clone';
  name: string;
  /** 'catalog': from models/catalog.json; 'link': an address and hash the user typed in; 'file': imported. */
  source: 'catalog' | 'file' | 'link';
  /** Lower-case hex SHA-256 of the bytes: computed at install (or given by the publisher), checked on every load; '' while partial. */
  sha256: string;
  /** The publisher's MD5 (Piper voices), checked while the download streamed in. */
  md5?: string;
  /** Which digest the publisher stated and the download was checked against. */
  digest?: 'md5' | 'sha256';
  bytes: number;
  licence?: string;
  commercialUse?: boolean;
  /** Where it came from (downloads only). */
  url?: string;
  /** Only 'ready' models are ever loaded; 'partial' marks a download that can be resumed. */
  state: 'partial' | 'ready';
  /** Bytes already on disk (partial downloads). */
  received: number;
  /** File name in the OPFS `models` folder. */
  file: string;
  /** The catalog entry's input/output contract, for the engine that loads it. */
  contract?: Record<string, unknown>;
}

export interface TalkreelDB extends DBSchema {
  projects: { key: string; value: ProjectRecord; indexes: { updatedAt: number } };
  media: { key: string; value: MediaRecord; indexes: { projectId: string } };
  assets: { key: string; value: AssetRecord; indexes: { projectId: string; createdAt: number } };
  meta: { key: string; value: unknown };
  avatars: { key: string; value: AvatarRecord; indexes: { createdAt: number } };
  voices: { key: string; value: VoiceRecord; indexes: { createdAt: number } };
  tasks: { key: string; value: TaskRecord; indexes: { createdAt: number } };
  models: { key: string; value: ModelRecord; indexes: { createdAt: number } };
}
