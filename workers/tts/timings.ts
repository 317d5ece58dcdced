/*
 * espeak-ng's event stream → word and phoneme timings. Pure: every time comes from an event's
 * `audio_position`; nothing is estimated.
 *
 * - A phoneme starts at its `phoneme` event and ends where the next phoneme or pause event
 *   starts (a pause is a phoneme event with an empty name), or at the clause end / audio end.
 * - A phoneme belongs to the word of the latest anchor before it in the stream: our
 *   `<mark name="wN"/>` before word N, or espeak's own `word` event (its `text_position`
 *   points into the SSML text). Both are needed: espeak drops a mark that follows ". " and
 *   omits `word` events for words it runs together ("of the", Korean particles, Chinese
 *   two-character words), and delays the mark of such a word to the end of the combined unit.
 * - Words espeak ran together are split again with espeak's own phonemes for each word spoken
 *   alone (`reference`): if a word has more phonemes than its reference and the extra tail is
 *   how the next word(s) begin, the tail moves to them. A word still left without phonemes is
 *   joined to its neighbour ("of the" becomes one word), so no text is lost from captions.
 * - A word starts at its first phoneme and ends at the end of its last phoneme, so words never
 *   overlap and a pause after a word is not part of it.
 */
import type { PhonemeTiming, WordTiming } from '../../src/voice/types.ts';
import { markIndex, tokenAt, type Token } from './text.ts';

/** One event as the espeak-ng wrapper reports it. */
export interface EspeakEvent {
  type: string;
  /** 1-based, in code points of the spoken (SSML) text. */
  text_position: number;
  word_length: number;
  /** Milliseconds from the start of the audio. */
  audio_position: number;
  /** Word/sentence number, or the phoneme (IPA) / mark name. */
  id?: string | number;
}

export interface TimingInput {
  text: string;
  tokens: readonly Token[];
  /** SSML code point → original UTF-16 offset (from buildSsml). */
  origin: Int32Array;
  events: readonly EspeakEvent[];
  durationMs: number;
  /** espeak's phonemes for word i spoken alone; null when unknown. */
  reference?: (i: number) => readonly string[] | null;
}

interface Ph {
  ph: string;
  start: number;
  end: number;
}

/** Drops what differs between a phoneme in context and alone: stress, length, tones. */
const norm = (p: string): string => p.replace(/[ˈˌːˑ\-0-9˥˦˧˨˩]/gu, '');

export function assembleTimings(input: TimingInput): { words: WordTiming[]; phonemes: PhonemeTiming[] } {
  const { text, tokens, origin, events, durationMs } = input;
  const n = tokens.length;

  // 1. Phonemes with their word, in stream order.
  const phs: Ph[] = [];
  const owner: number[] = [];
  let open: (Ph & { token: number }) | null = null;
  let cur = -1;
  const close = (atMs: number): void => {
    if (open && atMs > open.start) {
      phs.push({ ph: open.ph, start: open.start, end: Math.min(atMs, durationMs) });
      owner.push(open.token);
    }
    open = null;
  };
  for (const e of events) {
    switch (e.type) {
      case 'mark': {
        const k = markIndex(e.id);
        if (k !== null && k > cur && k < n) cur = k;
        break;
      }
      case 'word': {
        const cp = e.text_position - 1;
        if (cp >= 0 && cp < origin.length) {
          const k = tokenAt(tokens, origin[cp]!);
          if (k > cur) cur = k;
        }
        break;
      }
      case 'phoneme': {
        close(e.audio_position);
        const id = typeof e.id === 'string' ? e.id : '';
        // '' is a pause; '(en)' and the like mark a switch of language inside the text.
        if (id !== '' && !id.startsWith('(') && e.audio_position < durationMs) {
          open = { ph: id, start: e.audio_position, end: Number.NaN, token: Math.max(cur, 0) };
        }
        break;
      }
      case 'end':
      case 'msg_terminated':
        close(e.audio_position);
        break;
      default:
        break;
    }
  }
  close(durationMs);

  // 2. Phoneme indices per word.
  const groups: number[][] = tokens.map(() => []);
  owner.forEach((k, i) => groups[Math.min(k, n - 1)]?.push(i));

  // 3. Split words espeak ran together.
  if (input.reference && n > 1) {
    const cache = new Map<number, readonly string[] | null>();
    const ref = (i: number): readonly string[] | null => {
      if (!cache.has(i)) cache.set(i, input.reference!(i));
      return cache.get(i)!;
    };
    for (let k = 0; k < n - 1; k++) {
      const a = groups[k]!;
      if (a.length === 0) continue;
      const rk = ref(k);
      if (!rk || rk.length === 0) continue;
      const excess = a.length - rk.length;
      if (excess <= 0) continue;
      // How the following words begin, spoken alone.
      const follow: string[] = [];
      for (let j = k + 1; j < n && follow.length < excess; j++) follow.push(...(ref(j) ?? []));
      const tail = a.slice(a.length - excess).map((i) => norm(phs[i]!.ph));
      const sameSounds = follow.length >= excess && tail.every((t, i) => t === norm(follow[i]!));
      // Or: the next words got no phonemes at all, and their phoneme counts fill the excess exactly.
      let sameCount = false;
      let sum = 0;
      for (let j = k + 1; j < n && groups[j]!.length === 0; j++) {
        sum += ref(j)?.length ?? Number.NaN;
        if (!(sum < excess)) {
          sameCount = sum === excess;
          break;
        }
      }
      if (sameSounds || sameCount) groups[k + 1] = [...a.splice(a.length - excess), ...groups[k + 1]!];
    }
  }

  // 4. Words; a word still without phonemes joins the previous word (or the next one).
  const spans: Array<{ first: number; last: number; ph: number[] }> = [];
  let leading = -1;
  for (let k = 0; k < n; k++) {
    const g = groups[k]!;
    if (g.length > 0) {
      spans.push({ first: leading >= 0 ? leading : k, last: k, ph: g });
      leading = -1;
    } else if (spans.length > 0) {
      spans[spans.length - 1]!.last = k;
    } else if (leading < 0) {
      leading = k;
    }
  }
  const words: WordTiming[] = spans.map(({ first, last, ph }) => {
    const charStart = tokens[first]!.start;
    const charEnd = tokens[last]!.end;
    return {
      text: text.slice(charStart, charEnd),
      start: phs[ph[0]!]!.start / 1000,
      end: phs[ph[ph.length - 1]!]!.end / 1000,
      charStart,
      charEnd,
    };
  });
  const phonemes: PhonemeTiming[] = phs.map((p) => ({ ph: p.ph, start: p.start / 1000, end: p.end / 1000 }));
  return { words, phonemes };
}
