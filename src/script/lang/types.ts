/**
 * Per-language data for the script generator. Adding a language = adding one LanguagePack
 * (see en.ts) and registering it in lang/index.ts. Template strings use {slots}:
 *
 *   {name} product name, with an article where the language wants one ("the Lumi Desk Lamp")
 *   {bare_name} the name exactly as given · {brand} brand (only when not already part of the name)
 *   {price} price as given · {thing} category noun ("kettle"), {a_thing} ("a kettle"),
 *   {this_thing} ("this kettle"), {things} ("kettles") — only when the category is known
 *   {verb} base-form verb phrase from a selling point ("keep water hot for 30 minutes")
 *   {verb3} the same in the third person ("keeps water hot for 30 minutes")
 *   {n} / {N} number of selling points in the script, as a word ("three" / "Three")
 *
 * Point frames also get: {c} connector ("Plus, "), {p} the point with its first letter
 * lower-cased, {P} capitalised, {the_p} with a definite article where one fits, {key} / {value}
 * / {Value} for "Key: value" specs, {be} "is"/"are" agreeing with the spec key.
 *
 * A template is only used when every slot it names has a value, so lines that need a price,
 * a brand or a category simply drop out when the product data lacks them.
 */
import type { SpeechRate } from '../estimate.ts';

export type StyleId = 'hook-benefits-cta' | 'problem-solution' | 'demo' | 'offer-value' | 'listicle';

/** How a selling point reads grammatically, which decides how it can be framed. */
export type PointKind =
  | 'statement' // a full sentence: "The double wall keeps heat in."
  | 'fragment' // said as written, ad style: "Cold for 24 hours, hot for 12."
  | 'noun' // a noun phrase: "Gooseneck spout for precise pouring"
  | 'adj' // an adjective phrase: "Dishwasher safe", "Made from recycled steel"
  | 'verb' // a third-person verb phrase: "Keeps water hot for 30 minutes"
  | 'imperative' // "Pour with precision"
  | 'spec' // "Capacity: 1.2 L"
  | 'included' // "Carrying case included"
  | 'box'; // "In the box: kettle, lid, filter"

export type LineScene = 'presenter' | 'product' | 'cta';

export interface LineTemplate {
  t: string;
  scene?: LineScene;
  /** Only used when the product has at least this many images. */
  minImages?: number;
  /** Preferred over plain lines when eligible (e.g. a hook that uses the category). */
  prefer?: boolean;
  /** Only used for these durations. */
  durations?: readonly number[];
  /** For hooks: optional follow-up lines said right after this hook ("Good news: it can."). */
  next?: readonly string[];
  /** Not used when the chosen hook names this slot (e.g. "price": don't announce it twice). */
  unlessHookHas?: string;
}
export type Line = string | LineTemplate;

export interface PointFrame {
  t: string;
  /** Frames without {c} are used only where no connector is wanted. */
}

export interface Connectors {
  first: readonly string[];
  middle: readonly string[];
  last: readonly string[];
}

export interface StructureText {
  /** Card title. */
  title: string;
  /** Opening line(s), presenter on screen. One is picked. */
  hooks: readonly Line[];
  /** Introduces the product by name when the hook didn't. One is picked. */
  intros?: readonly Line[];
  /** Optional presenter lines after the intro. */
  opens?: readonly Line[];
  /** Optional lines between selling points (product scenes by default). */
  mids?: readonly Line[];
  /** Optional lines before the call to action. */
  closes?: readonly Line[];
  /** The call to action. One is picked. */
  ctas: readonly Line[];
  /** A line always placed right before the CTA when its slots are filled (e.g. the price). */
  keyLines?: readonly Line[];
  /** Optional lines after the CTA. */
  ctaExtras?: readonly Line[];
  /** Connectors in front of selling points (defaults to the pack's). */
  connectors?: Connectors;
  /** Numbered labels in front of the points' bare form ("First up: "); {k} = ordinal number word. */
  labels?: Connectors;
  /** Frames that replace the pack's for some point kinds in this structure. */
  frames?: Partial<Record<PointKind, readonly string[]>>;
  /** Labels are parallel lists ("Number one"/"Number {k}"/"And number {k}"): keep one style per script. */
  alignedLabels?: boolean;
  /** Skip the structure when fewer selling points than this are available. */
  minPoints?: number;
  /** Repeat points in a recap when material is thin (breaks numbered structures, so optional). */
  recap?: boolean;
}

export interface Classified {
  kind: PointKind;
  /** Third-person verb phrase ("keeps water hot"), when one can be read off the point. */
  verb3?: string;
  /** Base-form verb phrase ("keep water hot"). */
  verb?: string;
  /** Copula for an adjective phrase where the language distinguishes (Spanish ser/estar). */
  copula?: 'ser' | 'estar';
  /** Who does the verb in a statement ("it", "the kettle"); absent for bare verb phrases. */
  subject?: string;
  key?: string;
  value?: string;
  /** A statement whose bare-noun subject wants a definite article ("the cork handle stays cool"). */
  article?: boolean;
  /** The key / the included thing is plural ("Dimensions", "Two brushes included"). */
  plural?: boolean;
}

export interface LanguagePack {
  code: string;
  /** BCP 47 locale for number and price formatting (Intl) and for case mapping ("tr" dotted i). */
  locale: string;
  /** Said instead of the name when a product has none. */
  fallbackName: string;
  rate?: SpeechRate;
  /** Sentence end of a point line (".", "。", "।"); "." when absent. */
  stop?: string;
  /** Written right to left (Arabic): the UI and the captions lay it out that way. */
  rtl?: boolean;
  /** Nouns are capitalised (German): a point's first letter is never lower-cased. */
  keepCase?: boolean;
  /**
   * Statements joined by commas ("The cap has a loop, the finish grips, and the mouth fits ice")
   * are split into one point each. Needs a classifier that recognises statements (en, es).
   */
  splitClauses?: boolean;
  /**
   * Text the voice cannot read (the Japanese voice reads kana, not kanji): selling points
   * containing it are left out, and the option carries `unreadableNote`.
   */
  unreadable?: RegExp;
  unreadableNote?: string;
  /** "is"/"are" agreeing with a spec key ("The capacity is…"). */
  be?: (plural: boolean) => string;
  /** A line that starts with one of these needs no connector in front ("And", "Y", "Und"). */
  conjunctionStart?: RegExp;
  /** Ordinal for numbered labels ({k}); numberWord when absent. */
  ordinal?: (n: number) => string;
  /** Spoken currency names by ISO code: [one, many] (or one form for both). */
  currencies: Readonly<Record<string, readonly [string, string] | string>>;
  /** Where the currency name goes: after the amount (default) or before it. */
  currencyFirst?: boolean;
  /** Optional custom price phrase (Arabic number–noun agreement); `amount` is already formatted. */
  pricePhrase?: (amount: string, value: number, currency: string) => string | undefined;
  /** The end card's button ("Shop now"). */
  shopNow: string;
  /** Claims a script must not make unless the product data makes them (ratings, discounts…). */
  claims: readonly RegExp[];
  abbreviations: readonly string[];
  /** Longest selling point kept (in words); longer ones are cut at a clause boundary. */
  maxPointWords: number;
  /** Grammatical reading of a cleaned selling point (no terminal punctuation). */
  classify(text: string): Classified;
  /** Makes numbers/units speakable ("1.2L" → "1.2 liters", "w/" → "with"). */
  speakable(text: string): string;
  /** "the " + noun phrase, or the phrase unchanged when it already has a determiner. */
  definite(phrase: string): string;
  /**
   * The name as used in a sentence: "the Lumi Desk Lamp" / "la Tetera Aurora" when the name is
   * built on its category noun (`category` is then that noun).
   */
  nameInSentence(name: string, category: string | undefined, plural: boolean): string;
  /** Last touch on each finished line (e.g. Spanish "a el" → "al"). */
  polish?(line: string): string;
  /**
   * Agreement slots for the product as subject: {it} {It} {it_o} (object) {itis} {Itis} {is} {Is}
   * {s} (verb ending) {This_is} {one} ("Want one?") {one_thing} ("one kettle").
   */
  agreement(plural: boolean, pairOnly: boolean, thing: string | undefined): Record<string, string | undefined>;
  /** Joins a list: "a, b and c". */
  list(items: readonly string[]): string;
  numberWord(n: number): string;
  /** Point frames by kind; the first one is the default. */
  frames: Record<PointKind, readonly string[]>;
  /** The point as a clause, for use after a label ("Number two: it's dishwasher safe"). */
  bare: Record<PointKind, string>;
  /** Second mention of a point when material is thin; {bare} = the point's bare form. */
  spotlight: readonly string[];
  /** A point as an item of the recap list (no final punctuation). */
  recapItem: Record<PointKind, string>;
  /** Recap sentence; {list} = the items joined with pack.list. */
  recapLines: readonly Line[];
  /** Frames for a facet split off a point ("…with a warm, dimmable light" → "Look at that warm,
   * dimmable light."); {that_p} = the facet with a demonstrative. */
  facetFrames: readonly string[];
  /** "that warm light" / "those touch controls". */
  demonstrative(phrase: string): string;
  /** A "Key: value" spec as a clause ({kv}: "the capacity is 1.2 liters") and as a short list item
   * ({spec_item}: "1.2 liters of capacity"). */
  specPhrases(key: string, value: string, plural: boolean): { kv: string; item: string };
  connectors: Connectors;
  /** Lines any structure may borrow when it needs more length. */
  generic: { opens: readonly Line[]; mids: readonly Line[]; closes: readonly Line[]; ctaExtras: readonly Line[] };
  structures: Record<StyleId, StructureText>;
  category: {
    /** Common product nouns, singular (and plural-only ones like "headphones"). */
    nouns: readonly string[];
    pluralOnly: readonly string[];
    plural(noun: string): string;
    indefinite(noun: string, pluralOnly: boolean): string;
    demonstrative(noun: string, pluralOnly: boolean): string;
    /** Where the head noun sits in a product name: English "Desk Lamp" (last), Spanish
     * "Lámpara de escritorio" (first). */
    headFirst?: boolean;
  };
  /** Sentences matching any of these are not selling points (shipping, returns, promo…). */
  junk: readonly RegExp[];
  benefitWords: readonly string[];
  concreteWords: readonly string[];
  /** Words whose capitalisation is kept when a point is lower-cased. */
  properNouns: readonly string[];
  /** Keys of "Key: value" lines that are just labels ("Note: …"): the value is kept alone. */
  labelKeys: readonly string[];
  /** Keys that announce the box contents ("Package includes: …"). */
  boxKeys: readonly string[];
}
