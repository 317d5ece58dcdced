/**
 * A creative's timeline from the pipeline's pieces, in one pure call:
 * script segments voiced (speech with word and phoneme timings) + avatar (presenter id, gestures
 * style) + product + creative (id and editor changes) → Timeline.
 */
import { buildTimeline, type TimelineInput } from '../timeline.ts';
import type { Timeline } from '../types.ts';
import { applyCreative, holdPlan, type CreativeChoice } from './edits.ts';

export function buildCreativeTimeline(input: TimelineInput, creative: CreativeChoice): Timeline {
  const plan = holdPlan(input.segments, creative.edits);
  const speech = {
    duration: input.speech.duration + plan.total,
    words: input.speech.words.map(plan.move),
    phonemes: input.speech.phonemes.map(plan.move),
  };
  const base = buildTimeline({ ...input, segments: input.segments.map(plan.move), speech });
  return applyCreative(base, creative.id, creative.edits, { customTheme: !!input.theme });
}
