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
