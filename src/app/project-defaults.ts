import type { ProjectRecord } from '../storage/schema.ts';

import { newId } from '../storage/ids.ts';

export { newId };

export function newProject(defaults: { voiceId: string; presenterId: string }): ProjectRecord {
  const now = Date.now();
  return {
    id: newId('prj'),
    name: 'Untitled project',
    createdAt: now,
    updatedAt: now,
    product: { name: '', description: '', features: [], images: [] },
    settings: { ratio: '9:16', duration: 30, language: 'en', voiceId: defaults.voiceId, presenterId: defaults.presenterId, resolution: 1080 },
    script: { options: [], selectedId: null, segments: [], basis: '' },
    videoRequested: false,
  };
}

/** What the script was written from; when it changes, the script is stale. */
export function scriptBasis(p: ProjectRecord): string {
  const { product, settings } = p;
  return JSON.stringify([
    product.name.trim(),
    product.description.trim(),
    product.features,
    product.price ?? '',
    product.brand ?? '',
    product.images.filter((i) => i.selected).length,
    settings.language,
    settings.duration,
  ]);
}

export interface Problems {
  name?: string;
  images?: string;
}

export function productProblems(p: ProjectRecord): Problems {
  const out: Problems = {};
  if (!p.product.name.trim()) out.name = 'Give the product a name — the script and end card use it.';
  const selected = p.product.images.filter((i) => i.selected).length;
  if (selected < 2) {
    out.images = p.product.images.length < 2
      ? `Add at least 2 product images (${p.product.images.length} so far).`
      : `Select at least 2 images for the video (${selected} selected).`;
  }
  return out;
}

/** An installed natural (neural) voice as the voice step lists it. */
export interface InstalledVoice {
  /** Project voice id ("model:<model id>"). */
  id: string;
  /** Primary language subtag it speaks. */
  language: string;
  /** The catalog's recommended voice for its language. */
  recommended?: boolean;
}

/**
 * The voice a project in `language` starts with: an installed natural voice for that language
 * (the catalog's recommended one first, then the most recently installed), else the built-in
 * voice — which stays the offline fallback when no natural voice is installed.
 */
export function preferredVoiceId(language: string, installed: readonly InstalledVoice[], builtin: string): string {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  const mine = installed.filter((v) => v.language === primary);
  return (mine.find((v) => v.recommended) ?? mine[0])?.id ?? builtin;
}
