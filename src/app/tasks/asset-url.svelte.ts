/**
 * Object URLs for finished videos (OPFS files), made once per asset and shared by the
 * Create screen, the Task Center and My Assets. Read inside templates: the first read starts
 * loading and returns null; the URL appears when the file is open.
 */
import { getAsset, openAsset } from '../../storage/assets.ts';

export interface AssetLink {
  url: string;
  name: string;
}

const links = $state<Record<string, AssetLink | null>>({});
/** Plain (not reactive): templates read assetUrl() while deriving, and must not write state then. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- deliberately not reactive (see above)
const loading = new Set<string>();

async function load(id: string): Promise<void> {
  try {
    const asset = await getAsset(id);
    const file = asset ? await openAsset(asset) : null;
    links[id] = asset && file ? { url: URL.createObjectURL(file), name: asset.name } : null;
  } catch {
    links[id] = null;
  }
}

export function assetUrl(id: string): AssetLink | null {
  if (!loading.has(id)) {
    loading.add(id);
    void load(id);
  }
  return links[id] ?? null;
}

/** The video was renamed: downloads take the new name. */
export function renameAssetUrl(id: string, name: string): void {
  const link = links[id];
  if (link) links[id] = { ...link, name };
}

/** The video was deleted: let its bytes go. */
export function forgetAssetUrl(id: string): void {
  const link = links[id];
  if (link) URL.revokeObjectURL(link.url);
  delete links[id];
  loading.delete(id);
}
