import type { DBSchema } from 'idb';
import type { Product } from '../product/types.ts';
import type { Duration, Ratio, ScriptOption, ScriptSegment } from '../script/types.ts';

export const DB_NAME = 'talkreel';
export const DB_VERSION = 2;

export interface ProjectSettings {
  ratio: Ratio;
  duration: Duration;
  language: string;
  voiceId: string;
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

/** A custom avatar made from the user's video or photo (issue 7 owns its fields). */
export interface AvatarRecord {
  id: string;
  name: string;
  createdAt: number;
}

/** A voice the user brought: a recording, an upload or a clone sample (issue 5 owns its fields). */
export interface VoiceRecord {
  id: string;
  name: string;
  createdAt: number;
}

/** An export task shown in the Task Center (issue 9 owns its fields). */
export interface TaskRecord {
  id: string;
  createdAt: number;
}

/** A downloaded or imported model (voice or lip-sync); bytes live in Cache Storage / OPFS. */
export interface ModelRecord {
  id: string;
  createdAt: number;
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
