/** Main-thread orchestration of the pipeline stages: script → voice → timeline. */
import { buildTimeline, type VoicedSegment } from '../compose/timeline.ts';
import { applyCreative, withHolds, type CreativeEdits } from '../compose/creatives/edits.ts';
import { DEFAULT_CREATIVE_ID } from '../compose/creatives/index.ts';
import type { MotionStyle, Timeline } from '../compose/types.ts';
import type { Product } from '../product/types.ts';
import type { MeasureSeconds } from '../script/fit.ts';
import type { ScriptSegment } from '../script/types.ts';
import { shopNowLabel } from '../script/lang/index.ts';
import type { ProjectRecord, ProjectSettings } from '../storage/schema.ts';
import { joinSpeech, padSpeech } from '../voice/join.ts';
import { normalizeLoudness } from '../voice/loudness.ts';
import type { Speech, VoiceRequest } from '../voice/types.ts';
import { defaultVoiceFor, tunedRequest, voiceById, type VoiceTuning } from '../voice/voices.ts';

/** Seconds the end card stays after the last word. */
export const TAIL_SECONDS = 0.35;
const LEAD_SECONDS = 0.15;
/** What voiceScript adds around the words, for sizing scripts to the video's real length. */
export const VOICE_PADDING_SECONDS = LEAD_SECONDS + TAIL_SECONDS;
/** The pause voiceScript leaves between two scenes. */
const SCENE_GAP_SECONDS = 0.22;

export type Synthesize = (req: VoiceRequest, opts: { signal?: AbortSignal }) => Promise<Speech>;

export interface Voiceover {
  speech: Speech;
  segments: VoicedSegment[];
}

/** The engine request for a catalog voice (falling back to the language's default voice), with the user's speed and pitch. */
export function voiceRequestFor(voiceId: string | undefined, language: string, tuning?: VoiceTuning): Omit<VoiceRequest, 'text'> {
  const voice = (voiceId ? voiceById(voiceId) : undefined) ?? defaultVoiceFor(language);
  return tunedRequest(voice, tuning);
}

/**
 * Measures a script's spoken length as the video will have it, for fitting it to a duration:
 * each scene voiced alone, joined with voiceScript's pauses and padding.
 */
export function spokenLength(voice: Omit<VoiceRequest, 'text'>, synthesize: Synthesize): MeasureSeconds {
  // A fit re-measures scripts that differ in a sentence or two: unchanged scenes are not voiced again.
  const seconds = new Map<string, number>();
  return async (texts) => {
    let total = 0;
    for (const text of texts) {
      let s = seconds.get(text);
      if (s === undefined) {
        s = (await synthesize({ ...voice, text }, {})).duration;
        seconds.set(text, s);
      }
      total += s;
    }
    return total + SCENE_GAP_SECONDS * Math.max(0, texts.length - 1) + VOICE_PADDING_SECONDS;
  };
}

/**
 * The voice reports words without edge punctuation; captions read better with it, and
 * sentence ends are where caption lines should break. Restore it from the spoken text.
 */
export function restorePunctuation(speech: Speech, text: string): Speech {
  const words = speech.words.map((w) => {
    if (w.charEnd === undefined) return w;
    const trail = /^[.,!?;:…。、！？，：；؟،।]+/.exec(text.slice(w.charEnd))?.[0] ?? '';
    return trail ? { ...w, text: w.text + trail } : w;
  });
  return { ...speech, words };
}

/** Voices each segment separately (exact scene cuts), then joins and levels them. */
export async function voiceScript(
  segments: ScriptSegment[],
  voice: Omit<VoiceRequest, 'text'>,
  synthesize: Synthesize,
  signal?: AbortSignal,
): Promise<Voiceover> {
  const spoken = segments.filter((s) => s.text.trim().length > 0);
  if (spoken.length === 0) throw new Error('The script is empty.');
  const parts: Speech[] = [];
  for (const s of spoken) {
    const text = s.text.trim();
    parts.push(restorePunctuation(await synthesize({ ...voice, text }, { signal }), text));
  }
  const { speech, spans } = joinSpeech(parts, SCENE_GAP_SECONDS, LEAD_SECONDS);
  // Every voiceover leaves at -16 LUFS integrated, true peak under -1 dBTP (src/voice/loudness.ts).
  const padded = padSpeech({ ...speech, pcm: normalizeLoudness(speech.pcm, speech.sampleRate).pcm }, TAIL_SECONDS);
  return {
    speech: padded,
    segments: spoken.map((segment, i) => ({ segment, start: spans[i]![0], end: spans[i]![1] })),
  };
}

/** `display`: the presenter shows the product with gestures while the voiceover plays, lips still. */
export function creativeTimeline(product: Product, settings: ProjectSettings, voiceover: Voiceover, motionStyle?: MotionStyle): Timeline {
  const selected = product.images.filter((i) => i.selected);
  return buildTimeline({
    ratio: settings.ratio,
    presenterId: settings.presenterId,
    product: {
      name: product.name.trim(),
      imageCount: selected.length,
      ...(product.brand ? { brand: product.brand } : {}),
      ...(product.price ? { price: product.price } : {}),
    },
    segments: voiceover.segments,
    speech: voiceover.speech,
    cta: shopNowLabel(settings.language),
    ...(motionStyle ? { motionStyle } : {}),
  });
}

/**
 * The voiceover as the edited creative plays it: each scene's hold (editor timing) inserted as
 * silence. Export this audio with the timeline from timelineForCreative (same edits).
 */
export function voiceoverForEdits(voiceover: Voiceover, edits?: CreativeEdits): Voiceover {
  return withHolds(voiceover, edits);
}

/**
 * The timeline of one creative of a project, with the editor's changes: what the preview shows
 * and what an export task renders (also after a reload, from the saved project). Its audio is
 * `voiceoverForEdits(voiceover, edits)`.
 */
export function timelineForCreative(product: Product, settings: ProjectSettings, voiceover: Voiceover, creativeId?: string, edits?: CreativeEdits, motionStyle?: MotionStyle): Timeline {
  const base = creativeTimeline(product, settings, voiceoverForEdits(voiceover, edits), motionStyle);
  return applyCreative(base, creativeId ?? DEFAULT_CREATIVE_ID, edits);
}

/**
 * What exporting one creative of a saved project needs: the timeline and the voiceover with the
 * editor's changes (the project's edits apply to whichever creative is exported). `creativeId`
 * defaults to the project's chosen creative.
 */
export function creativeForExport(
  project: Pick<ProjectRecord, 'product' | 'settings' | 'creative'>,
  voiceover: Voiceover,
  creativeId?: string,
): { timeline: Timeline; voiceover: Voiceover } {
  const edits = project.creative?.edits;
  const id = creativeId || project.creative?.id;
  return { timeline: timelineForCreative(project.product, project.settings, voiceover, id, edits), voiceover: voiceoverForEdits(voiceover, edits) };
}
