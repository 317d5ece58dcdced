/** Script generation: product data → voice-over script options sized to 15/30/60 s. */
export type { Duration, Ratio, SceneHint, ScriptOption, ScriptSegment } from './types.ts';
export { generateScripts, spokenName, STYLES, DURATION_TOLERANCE } from './generate.ts';
export type { GenerateOptions, ScriptProduct } from './generate.ts';
export { fitScript } from './fit.ts';
export type { FitOptions, FittedOption, MeasureSeconds } from './fit.ts';
export { estimateSeconds, speechRate, SPEECH_RATES } from './estimate.ts';
export type { SpeechRate } from './estimate.ts';
export { scriptText, splitSentences, cleanText, stripMarkup, removeEmoji, trimSentence } from './text.ts';
export { extractPoints } from './points.ts';
export type { SellingPoint } from './points.ts';
export { scriptLanguages, shopNowLabel } from './lang/index.ts';
export type { StyleId } from './lang/types.ts';
export { toScriptProduct } from './product.ts';
export { checkFacts } from './facts.ts';
export type { FactProblem } from './facts.ts';
export { spokenPrice, parsePrice } from './price.ts';
