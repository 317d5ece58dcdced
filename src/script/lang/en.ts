/** English templates and grammar helpers for the script generator. */
import type { Classified, LanguagePack, Line } from './types.ts';
import { COMMON_JUNK } from './junk.ts';

// ---------------------------------------------------------------------------------------------
// Grammar helpers
// ---------------------------------------------------------------------------------------------

const BASE_VERBS = `absorb accelerate accommodate adapt add adjust allow amplify assemble attach avoid bake balance
block blend boil boost brew brighten bring brush buckle build calm cancel capture carry catch charge chill circulate
clean clear clip close collapse combine come comfort complement connect contain control convert cook cool cover
create cushion cut decorate deliver detect dim dispense display distribute do double drain dry ease elevate
eliminate enable endure enhance ensure expand extend fade feature feel fill filter fit fix fold freeze fry fuel get
give glide glow go grill grind grip guard handle hang have heat help hide hold hug hydrate illuminate improve
include infuse insulate keep kill last let lift light lock look maintain make match measure minimize mix moisturize
monitor mount move notify nourish offer open optimize organize pack pair perform play pour power prevent print
produce project protect provide pump purify reach record recharge reduce regulate relax relieve remain remove
repair repel resist restore retain roast roll rotate run save scan seal secure serve set shield show simplify sit
slide smooth snap soften soothe speed spin spray stack stand stay steam steep stop store stream strengthen stretch
support survive swivel switch sync take tame tilt track transform trap travel turn unlock upgrade use vacuum wake
warm wash wear weigh whisk wick wipe withstand work wrap zip`.split(/\s+/);

/** Verbs that are just as often nouns at the start of a feature ("Power button", "Light weight"). */
const NOUNISH = new Set(
  `balance block brush charge clip close cover display drain fade feature filter fix grip guard handle light look
lock match mix mount pack pair power print project record roll run scan seal set show snap spin spray stand
stack store stream support switch track travel wash wear wrap zip`.split(/\s+/),
);

function thirdPerson(v: string): string {
  if (v === 'have') return 'has';
  if (v === 'do' || v === 'go') return `${v}es`;
  if (/(s|x|z|ch|sh)$/.test(v)) return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  return `${v}s`;
}

const VERB3 = new Map(BASE_VERBS.map((v) => [thirdPerson(v), v] as const));
const BASE = new Set(BASE_VERBS);
const AUX = new Set(
  `is are was were has have had can will won't can't does doesn't isn't aren't it's they're you'll you're we've
we're you've it'll there's that's comes lets makes gives`.split(/\s+/),
);

const PARTICIPLES = new Set(
  `made built crafted handcrafted handmade hand-made hand-painted hand-crafted designed engineered tested certified
approved inspired powered shaped sized tuned treated coated lined padded insulated sourced finished printed woven
knitted sewn stitched forged cast milled brewed roasted blended packed sealed packaged infused formulated
developed created trusted loved preferred rated recommended available shipped`.split(/\s+/),
);

const ADJ = new Set(
  `lightweight portable compact durable foldable collapsible waterproof wireless cordless rechargeable
adjustable reusable quiet silent sturdy soft smooth sleek elegant minimalist minimal ergonomic versatile stylish
comfortable breathable strong tough fast quick easy simple safe non-toxic nontoxic odorless organic natural vegan
gentle hypoallergenic leakproof insulated slim thin warm cool cozy bright vibrant crisp clear stable secure reliable
precise accurate powerful efficient affordable premium perfect great ideal ready handy practical beautiful
gorgeous cute fun clean fresh healthy nutritious delicious tasty rich creamy fragrant unscented long-lasting
stainless non-slip anti-slip nonstick non-stick shatterproof unbreakable scratch-resistant water-resistant
sweat-resistant heat-resistant eco-friendly kid-friendly pet-friendly travel-friendly budget-friendly sustainable
recyclable biodegradable compostable refillable washable timeless modern classic iconic luxurious plush heavy-duty
flexible stretchy lightweight ultralight ultra-light ultra-thin spacious roomy waterproof windproof dustproof
shockproof rustproof splash-proof bpa-free gluten-free sugar-free cruelty-free fragrance-free hassle-free
maintenance-free included cold hot dry wet icy iced chilled crispy crunchy juicy sharp wide tall small large big tiny
thick`.split(/\s+/),
);
const ADJ_SUFFIX = /(?:able|ible|proof|free|safe|resistant|friendly|compatible|ready|certified|approved|-lasting|-drying|-wicking|-charging|-fitting)$/;
const PREPOSITIONS = new Set(
  'for with in on at from by of to up under over during without into onto across through against between'.split(' '),
);
const DETERMINERS = new Set(
  `a an the your our its their his her my this that these those some several many multiple each every any all both
no more less fewer plenty lots tons up over under nearly almost about around`.split(/\s+/),
);
const SUBJECTS = new Set(['it', 'this', 'these', 'they', 'you', 'we', 'i', 'our', 'your', 'its', 'the', 'each', 'every']);

function word(w: string | undefined): string {
  return (w ?? '').toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9'-]+$/g, '');
}

function isAdjWord(w: string): boolean {
  const x = word(w);
  if (!x) return false;
  return ADJ.has(x) || PARTICIPLES.has(x) || ADJ_SUFFIX.test(x) || /^(non|anti|ultra|extra|super)-/.test(x) || /-(powered|operated|controlled|activated|based|made|built|coated|lined)$/.test(x);
}

function isAdjPhrase(words: string[]): boolean {
  if (words.length === 0 || words.length > 8) return false;
  if (DETERMINERS.has(word(words[0])) && !isAdjWord(words[0]!)) return false;
  let end = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(word(w)));
  if (end < 0) end = words.length;
  const head = words.slice(0, end);
  if (head.length > 4) return false;
  // "Dishwasher safe", "Lightweight and portable", "100% BPA-free", "Water resistant up to 50 m"
  return isAdjWord(head[head.length - 1]!);
}

function baseOf(v3: string): string | undefined {
  const w = word(v3);
  if (VERB3.has(w)) return VERB3.get(w);
  return undefined;
}

function classify(text: string): Classified {
  const words = text.split(/\s+/).filter(Boolean);
  const first = word(words[0]);
  const last = word(words[words.length - 1]);

  // "Carrying case included"
  if ((last === 'included' || last === 'incl') && words.length >= 2 && words.length <= 8 && !AUX.has(word(words[words.length - 2]))) {
    const item = words.slice(0, -1).join(' ').replace(/[,:;\s-]+$/, '');
    const head = word(item.split(/\s+/).pop());
    const plural = /[^s]s$/.test(head) || /^(two|three|four|five|six|\d+)\b/i.test(item);
    return { kind: 'included', value: item, plural };
  }
  // "Keeps water hot for 30 minutes"
  const b = baseOf(first);
  if (b && words.length >= 2) {
    const rest = words.slice(1).join(' ');
    return { kind: 'verb', verb3: `${first} ${rest}`, verb: `${b} ${rest}` };
  }
  if (first === 'can' && BASE.has(word(words[1])) && words.length >= 3) {
    return { kind: 'verb', verb3: text.charAt(0).toLowerCase() + text.slice(1), verb: words.slice(1).join(' ') };
  }
  // A finite verb: "is", "keeps" (not as the last word: "Touch controls" is a noun phrase), or a
  // plural one after a plural or compound subject ("Load lifters and a back panel keep you cool").
  const isFinite = (w: string, i: number) => {
    const x = word(w);
    if (i === 0) return false;
    // "…a bottle that keeps drinks cold": a relative clause, not the sentence's own verb.
    if (/^(that|which|who)$/.test(word(words[i - 1]))) return false;
    if (AUX.has(x)) return true;
    if (VERB3.has(x) && i < words.length - 1) return true;
    const prev = word(words[i - 1]);
    return (
      i >= 2 &&
      i < words.length - 1 &&
      BASE.has(x) &&
      !NOUNISH.has(x) &&
      !DETERMINERS.has(prev) &&
      !PREPOSITIONS.has(prev) &&
      prev !== 'and' &&
      (/[^s]s$/.test(prev) || words.slice(0, i - 1).some((v) => word(v) === 'and'))
    );
  };
  const finite = words.findIndex(isFinite);
  // "750 ml, fits cup holders": shop copy without a subject, said as written.
  if (finite > 0 && /,$/.test(words[finite - 1]!)) return { kind: 'fragment' };
  // "Made from recycled steel", "Designed for small kitchens" (but "Padded sleeve fits 16 inches"
  // is a sentence about the sleeve).
  if (PARTICIPLES.has(first) || /^[a-z]+ed$/.test(first)) {
    if (PREPOSITIONS.has(word(words[1])) || (PARTICIPLES.has(first) && finite < 0)) return { kind: 'adj' };
  }
  // "A minimalist desk lamp with…" describes the product itself: "It's a minimalist desk lamp…"
  if ((first === 'a' || first === 'an') && words.length >= 3 && finite < 0) {
    return { kind: 'adj' };
  }
  if (finite > 0 || (SUBJECTS.has(first) && words.length >= 3 && AUX.has(word(words[1])))) {
    const out: Classified = { kind: 'statement' };
    // "Cork handle stays cool" reads better as "the cork handle stays cool".
    if (finite > 0 && !SUBJECTS.has(first) && !DETERMINERS.has(first) && !BASE.has(first) && !/^\d/.test(first)) {
      out.article = true;
    }
    // "It keeps …", "This kettle keeps …", "The kettle can …" → a verb phrase for hooks.
    const subj = words.slice(0, finite).map(word);
    const simpleSubject =
      (subj.length === 1 && (subj[0] === 'it' || subj[0] === 'this')) ||
      (subj.length === 2 && (subj[0] === 'this' || subj[0] === 'the' || subj[0] === 'it'));
    // A second verb ("holds 750 ml, fits cup holders and is free of BPA") would not survive being
    // turned into "What if your bottle could hold…": only single-verb phrases qualify.
    const later = words.slice(finite + 1);
    const oneVerb = !later.some((w, i) => /,$/.test(w) || VERB3.has(word(w)) || (AUX.has(word(w)) && i > 0));
    if (finite > 0 && simpleSubject && finite <= 2 && oneVerb) {
      const v = word(words[finite]);
      const rest = words.slice(finite + 1).join(' ');
      if (rest && VERB3.has(v)) {
        out.verb3 = `${v} ${rest}`;
        out.verb = `${VERB3.get(v)} ${rest}`;
        out.subject = subj.join(' ');
      } else if (rest && v === 'can' && BASE.has(word(words[finite + 1])) && words.length > finite + 2) {
        out.verb3 = `can ${rest}`;
        out.verb = rest;
        out.subject = subj.join(' ');
      }
    }
    return out;
  }
  if (isAdjPhrase(words)) {
    // "Cold for 24 hours, hot for 12" describes the drink, not the bottle: not "It's cold…".
    if (/,/.test(text) || /^(cold|hot|warm|cool|iced|icy|chilled|fresh)$/.test(first)) return { kind: 'fragment' };
    return { kind: 'adj' };
  }
  if (BASE.has(first) && !NOUNISH.has(first) && words.length >= 2) return { kind: 'imperative' };
  // "Touch controls", "Three brightness levels" are plural: "there are the touch controls".
  const head = word(text.split(/\s+(?:for|with|in|on|of|that|to|and)\s+/i)[0]!.split(/\s+/).pop());
  return { kind: 'noun', plural: /[^su]s$/.test(head) };
}

function definite(phrase: string): string {
  const first = word(phrase.split(/\s+/)[0]);
  if (DETERMINERS.has(first)) return phrase;
  return `the ${phrase}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
function numberWord(n: number): string {
  return NUMBERS[n] ?? String(n);
}

type Unit = [RegExp, string, string];
const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const units: Unit[] = [
  [/fl\.?\s?oz/, 'fluid ounce', 'fluid ounces'],
  [/(?:ml|mL|ML)/, 'milliliter', 'milliliters'],
  [/(?:L|l|ltr|litre|liter)/, 'liter', 'liters'],
  [/(?:oz|OZ)/, 'ounce', 'ounces'],
  [/(?:lbs?|LBS?)/, 'pound', 'pounds'],
  [/(?:kg|KG|Kg)/, 'kilogram', 'kilograms'],
  [/mm/, 'millimeter', 'millimeters'],
  [/cm/, 'centimeter', 'centimeters'],
  [/(?:in\.|inch|")/, 'inch', 'inches'],
  [/ft/, 'foot', 'feet'],
  [/mAh/i, 'milliamp-hour', 'milliamp-hours'],
  [/W/, 'watt', 'watts'],
  [/V/, 'volt', 'volts'],
  [/(?:hrs?|h)/, 'hour', 'hours'],
  [/mins?/, 'minute', 'minutes'],
  [/(?:secs?)/, 'second', 'seconds'],
  [/GB/, 'gigabyte', 'gigabytes'],
  [/TB/, 'terabyte', 'terabytes'],
  [/kHz/, 'kilohertz', 'kilohertz'],
  [/Hz/, 'hertz', 'hertz'],
  [/mph/, 'mile per hour', 'miles per hour'],
  [/km/, 'kilometer', 'kilometers'],
].map(([re, s, p]) => [new RegExp(`${NUM}\\s?${(re as RegExp).source}(?![\\p{L}\\d])(?!\\s*\\d)`, `gu${(re as RegExp).flags.replace(/[gu]/g, '')}`), s as string, p as string]);

const FUNCTION_WORDS = new Set(
  `and or of for with in to per each at on off from is are was be by max maximum total tops approx about
  when while so than hot cold warm cool long wide tall high deep thick heavy old plus more less fast a an the
  that which it its equals`.split(/\s+/),
);

function speakable(text: string): string {
  let t = text
    .replace(/\bw\/(?=\s|\p{L})\s?/giu, 'with ')
    .replace(/\bw\/o\b\s?/gi, 'without ')
    .replace(/\s&\s/g, ' and ')
    .replace(/(\d)\s?[x×]\s?(?=\d)/g, '$1 by ')
    .replace(/\s*=\s*/g, ' equals ')
    .replace(/(\d)\s?°\s?F\b/g, '$1 degrees Fahrenheit')
    .replace(/(\d)\s?°\s?C\b/g, '$1 degrees Celsius')
    .replace(/(\d)\s?°/g, '$1 degrees')
    .replace(/#(\d)/g, 'number $1')
    .replace(/\b(and|or)\/(and|or)\b/gi, '$1')
    .replace(/\b([a-z]{2,})\/([a-z]{2,})\b/g, '$1 or $2');
  for (const [re, one, many] of units) {
    t = t.replace(re, (_m, n: string, offset: number, all: string) => {
      // "1.2 L capacity" → "1.2-liter capacity"; "holds 1.2 L" → "holds 1.2 liters"
      const next = /^\s+([a-z][a-z-]*)/.exec(all.slice(offset + _m.length))?.[1];
      if (next && !FUNCTION_WORDS.has(next)) return `${n}-${one.replace(/ /g, '-')}`;
      return `${n} ${n === '1' ? one : many}`;
    });
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Category nouns: when the product name ends in one of these, templates can say "this kettle".
// ---------------------------------------------------------------------------------------------

const NOUNS = `kettle teapot mug cup tumbler bottle flask thermos pitcher jug carafe glass blender mixer toaster
grinder juicer airfryer fryer oven microwave cooker pan skillet pot wok knife board grater peeler whisk spatula
scale kitchen dispenser bowl plate tray container jar lunchbox coffee maker machine frother press dripper
lamp light lantern bulb candle diffuser humidifier purifier dehumidifier fan heater thermostat clock speaker
soundbar headset earpiece microphone camera webcam drone projector monitor display screen keyboard mouse
trackpad tablet laptop phone smartphone smartwatch watch tracker charger cable adapter dock hub stand mount
holder case cover sleeve wallet purse bag backpack tote duffel suitcase luggage organizer pouch belt hat cap
beanie scarf jacket coat hoodie sweater shirt tee dress skirt sneaker boot sandal blanket pillow cushion
mattress topper duvet quilt sheet towel robe rug mat chair stool desk table shelf bookcase cabinet drawer
mirror frame planter vase basket bin hamper rack hanger hook brush comb dryer straightener curler razor
shaver trimmer toothbrush flosser serum cream moisturizer cleanser toner sunscreen lotion balm oil shampoo
conditioner soap perfume fragrance cologne lipstick mascara palette foundation concealer mask scrub
supplement vitamin powder bar snack tea granola sauce spice seasoning chocolate candy gum drink kit set bundle
toy puzzle game doll figure plush ball bike scooter skateboard helmet tent hammock cooler grill stove
collar leash harness bed crate feeder fountain litter vacuum mop sweeper cleaner washer iron steamer
sewing lock doorbell alarm sensor router extender printer pen pencil notebook journal planner calendar
marker sticker bracelet necklace ring earring pendant charm keychain umbrella`.split(/\s+/);
const PLURAL_ONLY = `headphones earbuds earphones sunglasses glasses goggles jeans pants trousers shorts leggings
tights socks gloves mittens shoes sneakers boots slippers sandals scissors pliers tongs binoculars pajamas
overalls speakers`.split(/\s+/);

function plural(noun: string): string {
  if (PLURAL_ONLY.includes(noun)) return noun;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:knife)$/.test(noun)) return noun.replace(/fe$/, 'ves');
  return `${noun}s`;
}

function indefinite(noun: string, pluralOnly: boolean): string {
  if (pluralOnly) return `a pair of ${noun}`;
  return `${/^[aeio]|^u(?![nsr]i|se|ti)/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

// ---------------------------------------------------------------------------------------------
// Copy
// ---------------------------------------------------------------------------------------------

const productLine = (t: string, minImages = 1): Line => ({ t, scene: 'product', minImages });

export const en: LanguagePack = {
  code: 'en',
  locale: 'en-US',
  fallbackName: 'this product',
  splitClauses: true,
  be: (plural) => (plural ? 'are' : 'is'),
  conjunctionStart: /^(and|but|so|plus|also|or)\b/i,
  currencies: {},
  shopNow: 'Shop now',
  claims: [
    /\b(\d+(?:\.\d)?[- ]?stars?|rated|reviews?|best-?sell(?:er|ing)|discount|\d+ ?% off|on sale|sale ends|limited[- ]time|hurry|only \d+ left|free shipping|guarantee[ds]?|number one (?:choice|brand|seller|pick))\b|#1\b/i,
  ],
  abbreviations: [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'e.g', 'i.e', 'eg', 'ie', 'approx', 'incl',
    'excl', 'no', 'nos', 'vol', 'fig', 'u.s', 'u.k', 'u.s.a', 'ca', 'cf', 'dept', 'est', 'nr', 'pt', 'oz', 'lb', 'lbs',
    'qty', 'ft',
  ],
  maxPointWords: 22,
  classify,
  speakable,
  definite,
  nameInSentence: (name, category) => (category ? definite(name) : name),
  agreement: (plural, pairOnly, thing) =>
    plural
      ? { it: 'they', It: 'They', it_o: 'them', itis: "they're", Itis: "They're", is: 'are', Is: 'Are', s: '', This_is: 'These are',
          one: pairOnly ? 'a pair' : 'some', one_thing: pairOnly && thing ? `one pair of ${thing}` : undefined }
      : { it: 'it', It: 'It', it_o: 'it', itis: "it's", Itis: "It's", is: 'is', Is: 'Is', s: 's', This_is: 'This is',
          one: 'one', one_thing: thing ? `one ${thing}` : undefined },
  list,
  numberWord,
  frames: {
    statement: ['{c}{p}.'],
    fragment: ['{P}.', 'And get this: {p}.', '{c}{p}.'],
    noun: ['{c}{there} {the_p}.', '{P}.', '{c}you get {the_p}.', 'Check out {the_p}.'],
    adj: ['{c}{itis} {p}.', 'And yes, {itis} {p}.', '{Itis} {p}, too.', '{Itis} also {p}.'],
    verb: ['{c}{it} {v}.', '{c}{name} {v}.'],
    imperative: ['{P}.'],
    spec: ['The {key}? {Value}.', '{c}{kv}.'],
    included: ['{c}{the_p} {be} included.', '{P}, included.'],
    box: ["What's in the box? {Value}.", '{c}in the box, you get {value}.'],
  },
  bare: {
    statement: '{p}',
    fragment: '{p}',
    noun: '{the_p}',
    adj: '{itis} {p}',
    verb: '{it} {v}',
    imperative: '{p}',
    spec: '{kv}',
    included: '{the_p} {be} included',
    box: 'in the box, you get {value}',
  },
  spotlight: [
    'In case you missed it: {bare}.',
    'Worth repeating: {bare}.',
    "Don't forget: {bare}.",
    'And remember: {bare}.',
    'One more time: {bare}.',
    'Yes, really: {bare}.',
  ],
  recapItem: {
    statement: '{p}',
    fragment: '{p}',
    noun: '{p}',
    adj: '{p}',
    verb: '{p}',
    imperative: '{p}',
    spec: '{spec_item}',
    included: '{p} included',
    box: '{value} in the box',
  },
  recapLines: ['So, quick recap: {list}.', "Let's recap: {list}.", 'In short: {list}.'],
  facetFrames: ['Look at {that_p}.', 'Just look at {that_p}.', 'Check out {that_p}.'],
  specPhrases: (key, value, plural) => {
    const complex = value.split(/\s+/).length > 4 || /\bequals\b/.test(value);
    return {
      kv: complex ? `${key}: ${value}` : `the ${key} ${plural ? 'are' : 'is'} ${value}`,
      item: complex ? key : /\d/.test(value) ? `${value} of ${key}` : `${value} ${key}`,
    };
  },
  demonstrative: (phrase) => {
    const first = word(phrase.split(/\s+/)[0]);
    if (DETERMINERS.has(first)) return phrase;
    const head = word(phrase.split(/\s+(?:for|with|in|on|that|to)\s+/)[0]!.split(/\s+/).pop());
    return `${/[^s]s$/.test(head) ? 'those' : 'that'} ${phrase}`;
  },
  connectors: {
    first: ['', 'First off, ', 'For starters, '],
    middle: ['Plus, ', 'And ', '', 'On top of that, ', "What's more, ", ''],
    last: ['And ', 'Oh, and ', 'And to top it off, ', 'Plus, '],
  },
  generic: {
    opens: ["Here's the deal.", 'Let me walk you through it.', "Here's what you need to know.", "Let's get into it."],
    mids: [
      productLine('Take a closer look.'),
      productLine('Here {it} {is} from another angle.', 2),
      productLine("And here's one more look.", 3),
      productLine('Look at that.'),
      productLine('Pretty neat, right?'),
    ],
    closes: [
      "That's {name} in a nutshell.",
      'Remember the name: {bare_name}.',
      "Don't just take my word for it. See {it_o} for yourself.",
      'Ready to see {it_o} for yourself?',
    ],
    ctaExtras: [{ t: 'All the details are one tap away.', scene: 'cta' }],
  },
  structures: {
    'hook-benefits-cta': {
      title: 'Hook → benefits → CTA',
      hooks: [
        'Okay, you need to see this.',
        'Stop scrolling for a second.',
        'Let me show you something.',
        "Here's one worth a closer look.",
        { t: 'In the market for {a_thing}? Listen up.', prefer: true },
        { t: "Need {a_thing}? Don't scroll past this one.", prefer: true },
      ],
      intros: ['Meet {name}.', '{This_is} {name}.', 'Say hello to {name}.', { t: 'Meet {name}, from {brand}.', prefer: true }],
      opens: ["Here's why {it} stand{s} out.", 'Let me show you why.'],
      mids: [productLine('Take a closer look.'), productLine('Here {it} {is} from another angle.', 2)],
      closes: ["So that's {name}.", 'Ready to see {it_o} for yourself?'],
      ctas: ['Tap the link and grab yours today.', 'Get yours today. Just tap the link.', 'Tap the link to check {it_o} out.'],
      ctaExtras: [{ t: 'All the details are one tap away.', scene: 'cta' }],
      recap: true,
    },
    'problem-solution': {
      title: 'Problem → solution',
      hooks: [
        { t: 'What if your {thing} could {verb}?', prefer: true, next: ['Good news: {it} can.'] },
        { t: 'Imagine {a_thing} that {verb3}.', prefer: true, next: ['No need to imagine.'] },
        { t: "Still putting up with {a_thing} that doesn't quite cut it?", next: ["It doesn't have to be that way."] },
        { t: "Tired of {things} that just don't measure up?", next: ["Here's the good news."] },
        { t: "Tired of settling for 'good enough'?", next: ["You don't have to."] },
        { t: 'Ever feel like you keep making do with second best?', next: ["It doesn't have to be that way."] },
      ],
      intros: ["That's where {name} come{s} in.", 'Enter {name}.', 'Meet {name}.'],
      opens: ['Let me show you how.'],
      mids: [productLine('Take a closer look.')],
      closes: ['Problem solved.', 'Simple as that.'],
      connectors: {
        first: ['For starters, ', '', 'First, '],
        middle: ['Plus, ', 'And ', '', 'On top of that, ', ''],
        last: ['And ', 'Oh, and ', 'Plus, '],
      },
      ctas: [
        'Make the switch. Tap the link to get {name}.',
        'Try {name} for yourself. Just tap the link.',
        'Ready for an upgrade? Tap the link.',
      ],
      ctaExtras: [{ t: 'All the details are one tap away.', scene: 'cta' }],
      recap: true,
    },
    demo: {
      title: "What you get",
      hooks: [
        "Here's exactly what you get with {name}.",
        'Let me show you what you get with {name}.',
        "Let's take a quick tour of {name}.",
        "Quick look at {name}. Let's go.",
      ],
      opens: ["Let's start with the good stuff.", "Let's break it down."],
      mids: [productLine('Take a closer look.'), productLine('See that?')],
      labels: {
        first: ['First up: ', 'To start: ', 'First: '],
        middle: ['Next: ', "Then there's this: ", 'Plus: ', 'Next up: ', 'On top of that: ', 'Also: '],
        last: ['And finally: ', 'Last but not least: ', 'Finally: '],
      },
      frames: { noun: ['Check out {the_p}.', 'Look at {the_p}.'] },
      closes: ["And that's {name}, start to finish.", "That's what you get.", 'Not bad, right?'],
      ctas: ['Want {one}? Tap the link.', 'Like what you see? Tap the link to get yours.', 'See {it_o} for yourself. Tap the link.'],
      ctaExtras: [{ t: 'Everything else is on the product page.', scene: 'cta' }],
      recap: true,
    },
    'offer-value': {
      title: 'Value & offer',
      hooks: [
        { t: "Here's what {price} gets you.", prefer: true },
        { t: "Let's talk about what you get for {price}.", prefer: true },
        "Let's talk value.",
        '{Is} {name} worth it? Let me show you.',
        "Here's why {name} is worth a look.",
      ],
      intros: ['{Itis} {name}.', 'Meet {name}.', { t: '{Itis} {name}, from {brand}.', prefer: true }],
      opens: [{ t: 'And {it} come{s} from {brand}.' }, 'Let me break it down.'],
      frames: { noun: ['{c}you get {the_p}.', '{c}{there} {the_p}.'] },
      connectors: {
        first: ['For one, ', 'First, ', ''],
        middle: ['Plus, ', 'And ', 'On top of that, ', ''],
        last: ['And ', 'Plus, ', 'And to top it off, '],
      },
      mids: [productLine('Take a closer look.')],
      keyLines: [
        { t: 'All of that for {price}.', scene: 'product' },
        { t: 'And the price? {price}.', scene: 'product', unlessHookHas: 'price' },
      ],
      closes: ['Put it all together, and that\'s {name}.', { t: "That's a lot to like in {one_thing}." }],
      ctas: [
        { t: 'Tap the link and get yours for {price}.', prefer: true },
        'Grab yours today. Just tap the link.',
        'Tap the link to see {it_o} for yourself.',
      ],
      ctaExtras: [{ t: 'All the details are one tap away.', scene: 'cta' }],
      recap: true,
    },
    listicle: {
      title: 'Reasons to love it',
      hooks: ["{N} reasons you'll love {name}.", 'Here are {n} reasons to check out {name}.', '{N} reasons to give {name} a look.'],
      labels: {
        first: ['Number one: ', 'Reason one: ', 'One: '],
        middle: ['Number {k}: ', 'Reason {k}: ', '{K}: '],
        last: ['And number {k}: ', 'And reason {k}: ', 'And {k}: '],
      },
      opens: ["Let's go."],
      mids: [productLine('Take a closer look.'), productLine('Here {it} {is} from another angle.', 2)],
      closes: ['There you have it.', "Which one's your favorite?"],
      ctas: ['Tap the link and see for yourself.', 'Tap the link to get yours.'],
      ctaExtras: [{ t: 'All the details are one tap away.', scene: 'cta' }],
      alignedLabels: true,
      minPoints: 3,
    },
  },
  category: {
    nouns: [...NOUNS, ...PLURAL_ONLY],
    pluralOnly: PLURAL_ONLY,
    plural,
    indefinite,
    demonstrative: (noun, pluralOnly) => `${pluralOnly ? 'these' : 'this'} ${noun}`,
  },
  junk: COMMON_JUNK,
  benefitWords: `easy easily effortless effortlessly fast quick quickly precise precision perfect perfectly
comfortable comfort durable lasting long-lasting lightweight portable safe quiet silent powerful smooth even evenly
fresh hot cold warm cool clean compact save saves saving protect protects keeps keep lasts last stays stay
healthy natural versatile simple convenient sleek elegant beautiful secure stable sturdy soft gentle strong
efficient instantly instant anywhere everyday all-day hours minutes upgrade better ergonomic breathable waterproof
spill leak mess hassle stress time energy money space travel gift`.split(/\s+/),
  concreteWords: `ceramic steel stainless glass borosilicate wood wooden bamboo oak walnut leather cotton linen wool
silk denim aluminum aluminium titanium copper brass silicone rubber nylon polyester canvas stone marble porcelain
battery spout handle lid base motor sensor lens screen display strap pocket zipper sole blade filter thermometer
button dial light led speaker microphone charger cable port usb-c bluetooth wi-fi app magnet hinge wheel
capacity size weight liters liter milliliters ounces inches minutes hours degrees watts gallons pounds`.split(/\s+/),
  properNouns: `bluetooth wi-fi wifi usb usb-c iphone ipad android apple google alexa siri samsung windows mac
macbook airpods magsafe qi energy star gore-tex teflon pyrex kevlar lycra spandex`.split(/\s+/),
  labelKeys: `note notes tip tips bonus important new features feature benefits benefit details detail description
about why what how warning caution disclaimer highlights highlight perfect great ideal`.split(/\s+/),
  boxKeys: ['package includes', 'package contents', 'in the box', "what's in the box", 'box contents', 'includes', "what's included", 'included', 'comes with', 'contents'],
};
