export type SceneHint =
  | { kind: 'presenter' }
  | { kind: 'product'; image: number }
  | { kind: 'cta' };

export interface ScriptSegment {
  text: string;
  scene: SceneHint;
}

export type Duration = 15 | 30 | 60;
export type Ratio = '9:16' | '16:9' | '1:1';

export interface ScriptOption {
  id: string;
  /** Ad structure, e.g. "hook-benefits-cta". */
  style: string;
  /** Short human label shown on the option card. */
  title: string;
  segments: ScriptSegment[];
  /** Estimated spoken length in seconds (replaced by the measured one once voiced). */
  estimatedSeconds: number;
  /** Language of the templates that wrote it ("en", "es"). */
  language?: string;
  /**
   * True when the requested language has no templates yet and the option was written with the
   * English ones instead: the UI should say so.
   */
  languageFallback?: boolean;
  /** Things the user should know about this option ("lines with kanji were left out"). */
  notes?: string[];
  /** Who wrote it: the templates (default) or the user's local language model. */
  writer?: 'templates' | 'model';
  /** The duration the option was sized for. */
  targetSeconds?: Duration;
  /**
   * Internal: the estimated length the structure was assembled for (fitScript rebuilds from it;
   * differs from targetSeconds once fitted to a real voice).
   */
  builtFor?: number;
}
