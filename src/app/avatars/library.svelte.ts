/*
 * The user's custom avatars as the app shows them (Avatars screen, the picker's "Your avatars",
 * the Create screen's current presenter): loaded once from storage, refreshed after changes,
 * thumbnails as object URLs that are revoked when an avatar goes.
 */
import { deleteAvatar, listAvatars } from '../../storage/avatars.ts';
import type { AvatarRecord } from '../../storage/schema.ts';
import { avatarIdOf, customPresenterId } from '../../lipsync/warp/types.ts';

export interface AvatarItem {
  id: string;
  presenterId: string;
  name: string;
  kind: AvatarRecord['kind'];
  gender: AvatarRecord['gender'];
  createdAt: number;
  status: AvatarRecord['report']['status'];
  thumb: string | null;
  keyed: boolean;
  seconds: number | null;
  record: AvatarRecord;
}

class AvatarLibrary {
  items = $state.raw<AvatarItem[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  private urls = new Map<string, string>();
  private loading: Promise<void> | null = null;

  load(force = false): Promise<void> {
    if (this.loading && !force) return this.loading;
    this.loading = this.refresh();
    return this.loading;
  }

  private async refresh(): Promise<void> {
    try {
      const recs = await listAvatars();
      const live = new Set(recs.map((r) => r.id));
      for (const [id, url] of this.urls) {
        if (!live.has(id)) {
          URL.revokeObjectURL(url);
          this.urls.delete(id);
        }
      }
      this.items = recs.map((r) => {
        let thumb = this.urls.get(r.id) ?? null;
        if (!thumb && r.thumbnail) {
          thumb = URL.createObjectURL(r.thumbnail);
          this.urls.set(r.id, thumb);
        }
        return {
          id: r.id, presenterId: customPresenterId(r.id), name: r.name, kind: r.kind, gender: r.gender, createdAt: r.createdAt,
          status: r.report.status, thumb, keyed: !!r.backdrop.key, seconds: r.media.duration ?? null, record: r,
        };
      });
      this.error = null;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
    this.loaded = true;
  }

  byPresenterId(presenterId: string): AvatarItem | undefined {
    const id = avatarIdOf(presenterId);
    return id ? this.items.find((a) => a.id === id) : undefined;
  }

  async remove(id: string): Promise<void> {
    await deleteAvatar(id);
    await this.load(true);
  }
}

export const avatarLibrary = new AvatarLibrary();
