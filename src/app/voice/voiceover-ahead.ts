/**
 * The voiceover of the script on screen, made ahead: voicing a 30 s script takes seconds, so it
 * starts while the user reads the script over, and *Generate video* then only lays out the
 * timeline (the preview appears in well under a second). One voiceover is kept, for the latest
 * script and voice asked for; asking again for the same pair returns the same promise, so a
 * click during the background voicing waits for it instead of voicing twice.
 *
 * A recording chosen as the voice is not voiced ahead: it is cut, not synthesised (quick), and
 * reading it at the click is what notices a recording deleted meanwhile.
 */
import type { ScriptSegment } from '../../script/types.ts';
import type { ProjectSettings } from '../../storage/schema.ts';
import type { Voiceover } from '../pipeline.ts';
import { isUserVoice } from './voiceover.ts';

export type MakeVoiceover = (settings: ProjectSettings, segments: ScriptSegment[]) => Promise<Voiceover>;

/** What the voiceover depends on: every segment field (the timeline carries them) and the voice. */
export function voiceoverKey(settings: Pick<ProjectSettings, 'voiceId' | 'language' | 'voiceSpeed' | 'voicePitch'>, segments: readonly ScriptSegment[]): string {
  return JSON.stringify([settings.voiceId, settings.language, settings.voiceSpeed ?? 1, settings.voicePitch ?? 0, segments]);
}

export class VoiceoverAhead {
  private kept: { key: string; voiceover: Promise<Voiceover> } | null = null;

  /** `onReady(key)`: a voiceover was made for that key (voiceoverKey). */
  constructor(
    private readonly make: MakeVoiceover,
    private readonly onReady: (key: string) => void = () => undefined,
  ) {}

  /** The voiceover for this script and voice: the one made ahead, or a new one. */
  get(settings: ProjectSettings, segments: ScriptSegment[]): Promise<Voiceover> {
    if (isUserVoice(settings.voiceId)) return this.make(settings, segments);
    const key = voiceoverKey(settings, segments);
    if (this.kept?.key === key) return this.kept.voiceover;
    const voiceover = this.make(settings, segments);
    const kept = { key, voiceover };
    this.kept = kept;
    // A failed voicing is not kept: the click after it tries again and shows the reason.
    voiceover.then(
      () => this.kept === kept && this.onReady(key),
      () => {
        if (this.kept === kept) this.kept = null;
      },
    );
    return voiceover;
  }

  /** Starts voicing in the background; errors wait for the click that needs the voiceover. */
  prepare(settings: ProjectSettings, segments: ScriptSegment[]): void {
    if (isUserVoice(settings.voiceId) || !segments.some((s) => s.text.trim())) return;
    this.get(settings, segments).catch(() => undefined);
  }

  /** Another project opened, or a voice changed under the same id (a model replaced). */
  clear(): void {
    this.kept = null;
  }
}
