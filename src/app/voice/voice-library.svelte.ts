/**
 * The user's own voices (recordings, uploads and clone samples) as the app sees them: loaded once, refreshed
 * after a change, shared by the voice picker and the Voices screen.
 */
import type { VoiceRecord } from '../../storage/schema.ts';
import { deleteUserVoice, listUserVoices } from '../../storage/voices.ts';
import { scriptVoices } from '../../voice/clone-sample.ts';

class VoiceLibrary {
  voices = $state.raw<VoiceRecord[]>([]);
  /** The ones that can narrate a script (the voice picker's list): clone samples are not voices. */
  readonly scriptVoices = $derived(scriptVoices(this.voices));
  loaded = $state(false);
  private loading: Promise<void> | null = null;

  load(): Promise<void> {
    this.loading ??= this.refresh();
    return this.loading;
  }

  async refresh(): Promise<void> {
    this.voices = await listUserVoices();
    this.loaded = true;
  }

  async remove(id: string): Promise<void> {
    await deleteUserVoice(id);
    await this.refresh();
  }
}

export const voiceLibrary = new VoiceLibrary();
