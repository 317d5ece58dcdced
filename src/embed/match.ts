/**
 * The presenter for a product_avatar job without `override_avatar` (pure): the built-in look
 * that best fits what the prompts ask for (gender, glasses, beard, outfit, hair…) and what the
 * product is (beauty, tech, business, fitness, home). Ties are broken per product, so different
 * products do not all get the same face.
 */
import type { PresenterLook } from '../compose/presenter/index.ts';
import { hashSeed } from '../compose/timeline.ts';
import type { AvatarFilterIn, AvatarInfo } from './protocol.ts';

export interface MatchContext {
  productName: string;
  productText: string;
  prompts: string;
}

type Rule = { words: RegExp; score: (l: PresenterLook) => number };

const w = (list: string) => new RegExp(`\\b(${list})\\b`, 'i');

/** What a prompt asks of the presenter: strong signals. */
const PROMPT_RULES: Rule[] = [
  { words: w('woman|women|female|girl|lady|she|her'), score: (l) => (l.gender === 'female' ? 6 : 0) },
  { words: w('man|men|male|guy|gentleman|he|him|his'), score: (l) => (l.gender === 'male' ? 6 : 0) },
  { words: w('glasses|spectacles|nerdy|geeky'), score: (l) => (l.glasses ? 3 : 0) },
  { words: w('beard|bearded|stubble'), score: (l) => (l.facialHair ? 3 : 0) },
  { words: w('suit|blazer|professional|business|corporate|formal|executive'), score: (l) => (l.outfit.style === 'blazer' ? 3 : l.outfit.style === 'shirt' ? 2 : 0) },
  { words: w('casual|streetwear|hoodie|relaxed|creator|youthful|gen z'), score: (l) => (l.outfit.style === 'hoodie' || l.outfit.style === 'tee' ? 3 : 0) },
  { words: w('cozy|cosy|knit|sweater|turtleneck'), score: (l) => (l.outfit.style === 'knit' || l.outfit.style === 'turtleneck' ? 3 : 0) },
  { words: w('curly|curls|afro'), score: (l) => (l.hair.style === 'curly' ? 3 : 0) },
  { words: w('ponytail'), score: (l) => (l.hair.style === 'ponytail' ? 3 : 0) },
  { words: w('bun'), score: (l) => (l.hair.style === 'bun' ? 3 : 0) },
  { words: w('bob|fringe|bangs'), score: (l) => (l.hair.style === 'bob' || l.hair.style === 'fringe' ? 3 : 0) },
  { words: w('long hair|wavy'), score: (l) => (l.hair.style === 'long' || l.hair.style === 'straight' ? 2 : 0) },
  { words: w('short hair|buzz|buzz cut|crew cut'), score: (l) => (['short', 'buzz', 'textured', 'fringe'].includes(l.hair.style) ? 2 : 0) },
  { words: w('red hair|redhead|ginger|auburn'), score: (l) => (/ginger|auburn/i.test(l.description) ? 3 : 0) },
];

/** What the product is: weak hints, so a prompt always wins. */
const PRODUCT_RULES: Rule[] = [
  { words: w('skincare|serum|makeup|cosmetics?|lipstick|mascara|beauty|perfume|jewell?ery|earrings|necklace|dress'), score: (l) => (l.gender === 'female' ? 1 : 0) + (l.earrings ? 0.5 : 0) },
  { words: w('laptop|phone|headphones?|earbuds|gadget|keyboard|mouse|charger|app|software|gaming|console|camera|drone'), score: (l) => (l.outfit.style === 'hoodie' || l.outfit.style === 'tee' || l.glasses ? 1 : 0) },
  { words: w('office|business|finance|accounting|desk|pen|notebook|briefcase|crm|invoice'), score: (l) => (l.outfit.style === 'blazer' || l.outfit.style === 'shirt' ? 1 : 0) },
  { words: w('gym|fitness|workout|running|yoga|sports?|protein|bottle|hiking|outdoors?|bike'), score: (l) => (l.outfit.style === 'hoodie' || l.hair.style === 'ponytail' || l.outfit.style === 'tee' ? 1 : 0) },
  { words: w('kitchen|coffee|tea|kettle|home|candle|blanket|mug|cook|baking|garden'), score: (l) => (l.outfit.style === 'knit' || l.outfit.style === 'turtleneck' ? 1 : 0) },
];

function scoreOf(look: PresenterLook, ctx: MatchContext): number {
  let s = 0;
  for (const r of PROMPT_RULES) if (r.words.test(ctx.prompts)) s += r.score(look);
  const product = `${ctx.productName} ${ctx.productText}`;
  for (const r of PRODUCT_RULES) if (r.words.test(product)) s += r.score(look);
  // Colours and other words a prompt shares with the look's own description ("teal", "navy").
  for (const word of look.description.toLowerCase().match(/[a-z]{4,}/g) ?? []) {
    if (new RegExp(`\\b${word}\\b`, 'i').test(ctx.prompts)) s += 1;
  }
  return s;
}

export function matchAvatar(looks: readonly PresenterLook[], ctx: MatchContext): PresenterLook {
  if (looks.length === 0) throw new Error('No presenters to choose from.');
  const seed = hashSeed(ctx.productName.trim().toLowerCase());
  let best = looks[0]!;
  let bestScore = -Infinity;
  looks.forEach((look, i) => {
    // A per-product tie-breaker below 1 point: never outweighs a real match.
    const tie = ((seed + i * 2654435761) >>> 0) % 1000 / 2000;
    const s = scoreOf(look, ctx) + tie;
    if (s > bestScore) {
      best = look;
      bestScore = s;
    }
  });
  return best;
}

/** The avatar list a host sees (list_avatars), filtered. */
export function avatarList(looks: readonly PresenterLook[], filter: AvatarFilterIn = {}): AvatarInfo[] {
  const q = filter.query?.trim().toLowerCase() ?? '';
  return looks
    .filter((l) => !filter.gender || l.gender === filter.gender)
    .filter((l) => !q || `${l.id} ${l.name} ${l.description} ${l.outfit.style} ${l.hair.style}`.toLowerCase().includes(q))
    .map((l) => ({ id: l.id, name: l.name, gender: l.gender, description: l.description, kind: 'builtin-2d', outfit: l.outfit.style, hair: l.hair.style }));
}
