/**
 * Job progress and time left (pure). A job's three working phases are weighted by the seconds
 * each is expected to take on this machine, so progress reads as a fraction of the time, and
 * the estimate corrects itself as real timings come in.
 */
import { outputSize } from '../compose/types.ts';
import type { Ratio } from '../script/types.ts';

export type Phase = 'prepare' | 'image' | 'export';
const PHASES: readonly Phase[] = ['prepare', 'image', 'export'];

export type Plan = Record<Phase, number>;

/** What this machine has measured so far (starts from figures taken on a 2-core machine). */
export interface Speeds {
  /** Export speed in frames per second of 1080x1920-equivalent work. */
  exportFps: number;
  /** Seconds of script fitting, voicing and the preview still per second of video. */
  imageSecondsPerVideoSecond: number;
  /** One-off cost of loading the voice engine (0 once it is warm). */
  voiceLoadSeconds: number;
}

export const DEFAULT_SPEEDS: Speeds = { exportFps: 45, imageSecondsPerVideoSecond: 0.12, voiceLoadSeconds: 1.5 };

export function planFor(o: { duration: number; ratio: Ratio; resolution: 720 | 1080; fps?: number }, speeds: Speeds = DEFAULT_SPEEDS): Plan {
  const { w, h } = outputSize(o.ratio, o.resolution);
  const frames = Math.ceil(o.duration * (o.fps ?? 30));
  return {
    prepare: 0.4,
    image: speeds.voiceLoadSeconds + o.duration * speeds.imageSecondsPerVideoSecond + 0.3,
    export: 1 + (frames * w * h) / (1080 * 1920) / speeds.exportFps,
  };
}

/** Easing for phases whose inner progress cannot be counted: approaches 0.95, never reaches 1. */
export function timeFraction(elapsed: number, expected: number): number {
  if (expected <= 0) return 0.95;
  return 0.95 * (1 - Math.exp((-1.3 * elapsed) / expected));
}

export class ProgressModel {
  private readonly total: number;
  private phase: Phase = 'prepare';
  private phaseStart: number;
  private best = 0;
  /** Measured / planned seconds for the phases already finished. */
  private rate = 1;

  constructor(
    private readonly plan: Plan,
    private readonly start: number,
  ) {
    this.total = PHASES.reduce((n, p) => n + plan[p], 0);
    this.phaseStart = start;
  }

  /** Marks the start of a phase (at `now`, ms). */
  enter(phase: Phase, now: number): void {
    const i = PHASES.indexOf(phase);
    if (i <= PHASES.indexOf(this.phase) && phase !== 'prepare') return;
    // Phases skipped count as done at once.
    const planned = PHASES.slice(0, i).reduce((n, p) => n + this.plan[p], 0);
    const actual = (now - this.start) / 1000;
    if (planned > 0.5) this.rate = Math.min(4, Math.max(0.5, actual / planned));
    this.phase = phase;
    this.phaseStart = now;
  }

  /**
   * Overall progress (0..1, never decreasing) and seconds left, given how far the current
   * phase is (`fraction`, 0..1) at `now` (ms).
   */
  at(fraction: number, now: number): { progress: number; eta: number } {
    const f = Math.min(1, Math.max(0, fraction));
    const i = PHASES.indexOf(this.phase);
    const before = PHASES.slice(0, i).reduce((n, p) => n + this.plan[p], 0);
    const current = this.plan[this.phase];
    const progress = Math.max(this.best, Math.min(0.999, (before + f * current) / this.total));
    this.best = progress;
    const inPhase = (now - this.phaseStart) / 1000;
    // Once a phase is well under way its own pace is the best predictor of its end.
    const currentLeft = f > 0.08 && inPhase > 0.5 ? (inPhase / f) * (1 - f) : (1 - f) * current * this.rate;
    // Later phases: the planned time, scaled by how this job ran so far, except the export,
    // which has its own measured speed.
    const laterLeft = PHASES.slice(i + 1).reduce((n, p) => n + (p === 'export' ? this.plan.export : this.plan[p] * this.rate), 0);
    return { progress, eta: Math.max(0, currentLeft + laterLeft) };
  }
}
