import { hsl, luminance } from './color.ts';
import {
  CLASSIC_PRESENTERS, type AgeLook, type ArtStyle, type Background, type BackgroundKind, type BottomKind, type EyeShape,
  type FaceShape, type HairStyle, type OutfitCategory, type OutfitStyle, type Pose, type PresenterLook, type SkinTone,
} from './looks.ts';
import { OUTFIT_CATEGORY, OUTFIT_LABEL } from './outfits.ts';
import { POSES } from './pose.ts';
import { ART_STYLES } from './style.ts';

/*
 * The presenter library: 70 people, each in three curated looks (a persona's wardrobe, pose and
 * setting, in each of the three art styles) — 210 presets, all drawn in code. Pure data: the
 * command line imports it in Node (`--list-avatars`).
 *
 * Ids are written here by hand, never derived from a position: a person's first look has the
 * person's id (the ten original presenters keep theirs: ava, marcus, …), the others are
 * `<person>-<look>`. Saved projects reference them, so an id, once shipped, must keep working.
 */

// ---------------------------------------------------------------------------------------------
// Palettes
// ---------------------------------------------------------------------------------------------

const tone = (base: string, shadow: string, highlight: string, blush: string, lip: string): SkinTone => ({ base, shadow, highlight, blush, lip });

const classic = (id: string): PresenterLook => CLASSIC_PRESENTERS.find((p) => p.id === id)!;

/** Skin tones: the ten original ones, plus six more to widen the range. */
const SKIN: Record<string, SkinTone> = {
  porcelain: tone('#f9e4d6', '#e6b9a3', '#fff2ea', '#f3a79a', '#d88a86'),
  fair: classic('nora').skin,
  rosy: classic('leo').skin,
  ivory: classic('mei').skin,
  light: classic('ava').skin,
  beige: classic('kenji').skin,
  golden: classic('sofia').skin,
  honey: classic('diego').skin,
  olive: tone('#cfa57c', '#ad8058', '#e3c29f', '#cf8a6e', '#a8665a'),
  tan: classic('priya').skin,
  caramel: tone('#b57b51', '#925c38', '#cf9a70', '#b96a52', '#8f5143'),
  chestnut: tone('#9a6442', '#774a2f', '#b8825e', '#a25f4a', '#7f463a'),
  brown: classic('marcus').skin,
  umber: tone('#7b4d33', '#5c3722', '#996a4c', '#8c4d3d', '#74403a'),
  deep: classic('amara').skin,
  ebony: tone('#573526', '#3e2418', '#74503c', '#6e3a2e', '#5e3229'),
};

const HAIR: Record<string, { color: string; highlight: string; name: string }> = {
  black: { color: '#17110f', highlight: '#4a3d38', name: 'black' },
  softblack: { color: '#1e1613', highlight: '#574640', name: 'dark' },
  darkbrown: { color: '#2c1c16', highlight: '#654737', name: 'dark brown' },
  brown: { color: '#5a3522', highlight: '#8a5a3b', name: 'brown' },
  chestnut: { color: '#6e3f24', highlight: '#a3663e', name: 'chestnut' },
  auburn: { color: '#8e3b21', highlight: '#b85a33', name: 'auburn' },
  ginger: { color: '#b0562b', highlight: '#d77c47', name: 'ginger' },
  honey: { color: '#a77b40', highlight: '#d4aa68', name: 'honey blonde' },
  blonde: { color: '#c9a05a', highlight: '#ecd08e', name: 'blonde' },
  platinum: { color: '#e2d6c0', highlight: '#f8f1e2', name: 'platinum' },
  grey: { color: '#8e8b88', highlight: '#c4c1bd', name: 'grey' },
  silver: { color: '#c9c7c4', highlight: '#eeece9', name: 'silver' },
  saltpepper: { color: '#5d5956', highlight: '#a39f9b', name: 'salt-and-pepper' },
  plum: { color: '#5b2a4a', highlight: '#8e4f7a', name: 'plum' },
  pink: { color: '#d9849b', highlight: '#f2b3c4', name: 'pink' },
  // Head scarves (hair style 'hijab'): the colour is the fabric.
  scarfrose: { color: '#c9797f', highlight: '#e8a7ab', name: 'rose' },
  scarfnavy: { color: '#2e3e63', highlight: '#52638c', name: 'navy' },
  scarfsand: { color: '#c9a77c', highlight: '#e6cda7', name: 'sand' },
  scarfsage: { color: '#7f957a', highlight: '#a9bda3', name: 'sage' },
};

const IRIS: Record<string, string> = {
  dark: '#2d1e16', brown: '#4e331f', hazel: '#6b5a2e', green: '#5d7b4f', blue: '#4f7a95', grey: '#6d7b86', amber: '#8a5a2b',
};

interface Outfit {
  style: OutfitStyle;
  primary: string;
  secondary: string;
  accent?: string;
  /** Colour words for descriptions ("navy"). */
  name: string;
  bottom?: { kind: BottomKind; color: string };
}

const o = (style: OutfitStyle, name: string, primary: string, secondary: string, accent?: string): Outfit => ({
  style, name, primary, secondary, ...(accent ? { accent } : {}),
});

/** Outfits, named by colour and kind. */
const WARDROBE: Record<string, Outfit> = {
  'navy-blazer': o('blazer', 'navy', '#27385f', '#f4efe8'),
  'charcoal-blazer': o('blazer', 'charcoal', '#4a4f57', '#f5f3ef'),
  'camel-blazer': o('blazer', 'camel', '#b08a5e', '#f6f1e7'),
  'emerald-blazer': o('blazer', 'emerald', '#1f5e4f', '#f3efe6'),
  'plum-blazer': o('blazer', 'plum', '#5c3354', '#f4ede8'),
  'navy-suit': o('suit', 'navy', '#223150', '#f7f7f4', '#8c2f39'),
  'charcoal-suit': o('suit', 'charcoal', '#3c4047', '#dfe8f2', '#2d4a7a'),
  'black-suit': o('suit', 'black', '#1e1f24', '#ffffff', '#34363d'),
  'grey-suit': o('suit', 'grey', '#6b7078', '#f4f5f7', '#1f6f78'),
  'white-shirt': o('shirt', 'white', '#f7f7f4', '#d9d6cf'),
  'oxford-shirt': o('shirt', 'oxford blue', '#a9c3e0', '#8aa6c6'),
  'pink-shirt': o('shirt', 'pale pink', '#efc9cf', '#d5a9b1'),
  'ivory-blouse': o('blouse', 'ivory', '#f3ede2', '#2f3a56'),
  'rose-blouse': o('blouse', 'rose', '#d98f98', '#f6efe9'),
  'sky-blouse': o('blouse', 'sky blue', '#9cc3df', '#f7f5f0'),
  'terracotta-turtleneck': o('turtleneck', 'terracotta', '#b8553a', '#a34a31'),
  'black-turtleneck': o('turtleneck', 'black', '#25252a', '#1b1b20'),
  'cream-turtleneck': o('turtleneck', 'cream', '#ebe2d2', '#d8ccb8'),
  'sage-knit': o('knit', 'sage', '#7d8f6e', '#66775a'),
  'mustard-knit': o('knit', 'mustard', '#d9a23b', '#c38d2c'),
  'oat-knit': o('knit', 'oatmeal', '#d9cdb8', '#c2b49c'),
  'rust-knit': o('knit', 'rust', '#b4603c', '#9c4f2f'),
  'navy-knit': o('knit', 'navy', '#2f3d5c', '#26324d'),
  'charcoal-hoodie': o('hoodie', 'charcoal', '#3b3f46', '#e9e6df'),
  'teal-hoodie': o('hoodie', 'teal', '#2f7f86', '#f2efe8'),
  'lilac-hoodie': o('hoodie', 'lilac', '#a898c8', '#f4f1f8'),
  'red-hoodie': o('hoodie', 'red', '#b63a3a', '#f3eee8'),
  'cream-tee': o('tee', 'cream', '#efe6d8', '#d8ccba'),
  'white-tee': o('tee', 'white', '#f6f6f3', '#dcdcd6'),
  'black-tee': o('tee', 'black', '#26262b', '#3a3a40'),
  'coral-tee': o('tee', 'coral', '#e8775f', '#d4654e'),
  'denim-jacket': o('denim', 'indigo', '#4f6f99', '#f2f0ea', '#d9a441'),
  'light-denim': o('denim', 'light', '#7d9cc2', '#26262b', '#e0b25a'),
  'navy-polo': o('polo', 'navy', '#243b63', '#f2f2ee', '#e0b13f'),
  'green-polo': o('polo', 'green', '#2f6b4f', '#f4f1e8', '#f4f1e8'),
  'red-polo': o('polo', 'red', '#b23b3b', '#f4f1ea', '#f4f1ea'),
  'teal-scrubs': o('scrubs', 'teal', '#2f8c8a', '#2f8c8a', '#f4f4f0'),
  'navy-scrubs': o('scrubs', 'navy', '#2a3f66', '#2a3f66', '#e9e5da'),
  'wine-scrubs': o('scrubs', 'wine', '#7a2e45', '#7a2e45', '#f4f4f0'),
  'labcoat-blue': o('labcoat', 'white', '#f5f7f9', '#9dbbd8', '#2b5c9e'),
  'labcoat-lilac': o('labcoat', 'white', '#f5f7f9', '#c9b8dc', '#8f3a5a'),
  'chef-white': o('chef', 'white', '#f6f6f3', '#e8e6e0', '#1f3b5c'),
  'chef-black': o('chef', 'black', '#2a2b30', '#3c3d43', '#c9a24a'),
  'apron-green': o('apron', 'green', '#2e5e46', '#f3efe6', '#d9b65c'),
  'apron-brown': o('apron', 'brown', '#7a5236', '#2b2b30', '#e2c07a'),
  'apron-denim': o('apron', 'denim', '#45648c', '#efe9df', '#f0c060'),
  'hivis-yellow': o('hivis', 'yellow', '#e5e83a', '#3a4352', '#d9dde0'),
  'hivis-orange': o('hivis', 'orange', '#f07a2a', '#2d3440', '#d9dde0'),
  'track-navy': o('track', 'navy', '#223a6b', '#f4f4f1', '#e1473d'),
  'track-black': o('track', 'black', '#202126', '#f4f4f1', '#3fb6a8'),
  'track-green': o('track', 'green', '#1f6b4a', '#f4f4f1', '#f2c94c'),
  'tank-black': o('tank', 'black', '#23242a', '#ff6b6b'),
  'tank-coral': o('tank', 'coral', '#f07f6e', '#ffffff'),
  'tank-grey': o('tank', 'grey', '#8c9199', '#1f2024'),
  'jersey-blue': o('jersey', 'blue', '#2456a6', '#f4f4f1', '#f2c94c'),
  'jersey-red': o('jersey', 'red', '#c23434', '#f4f4f1', '#1f2430'),
  'jersey-green': o('jersey', 'green', '#1d7a4a', '#f4f4f1', '#f4f4f1'),
};

const bg = (kind: BackgroundKind, base: string, accent: string): Background => ({ kind, base, accent });

/** Settings; "none" composes the presenter straight over the product. */
const BACKGROUNDS: Record<string, Background | null> = {
  none: null,
  'studio-blue': bg('studio', '#5d7fb0', '#c9d4e6'),
  'studio-warm': bg('studio', '#d9a77e', '#f1dcc8'),
  'studio-grey': bg('studio', '#8d929b', '#d5d7db'),
  'office-day': bg('office', '#e8e4dc', '#7c8aa0'),
  'office-teal': bg('office', '#cfe0dc', '#5e7f86'),
  'home-warm': bg('home', '#efe1cf', '#8f6a52'),
  'home-sage': bg('home', '#dfe6d6', '#6f8a78'),
  'outdoor-park': bg('outdoor', '#7fb3e0', '#6aa062'),
  'outdoor-golden': bg('outdoor', '#e7a86d', '#8f9a4e'),
  'solid-lilac': bg('solid', '#b9a7e0', '#8d79c4'),
  'solid-mint': bg('solid', '#9fd9c2', '#6fb79d'),
  'solid-coral': bg('solid', '#f2a08c', '#d9826c'),
  'green-screen': bg('solid', '#2fb34a', '#279a3f'),
};

// ---------------------------------------------------------------------------------------------
// Personas: three looks each (wardrobe choices, pose, setting choices)
// ---------------------------------------------------------------------------------------------

interface PersonaLook {
  key: string;
  label: string;
  /** Outfit keys; "f:" / "m:" prefixes limit one to a gender presentation. */
  wear: readonly string[];
  pose: Pose;
  bg: readonly string[];
}

interface Persona {
  label: string;
  tags: readonly string[];
  looks: readonly [PersonaLook, PersonaLook, PersonaLook];
}

const look = (key: string, label: string, wear: string[], pose: Pose, bgs: string[]): PersonaLook => ({ key, label, wear, pose, bg: bgs });

const PERSONAS: Record<string, Persona> = {
  executive: {
    label: 'Executive', tags: ['executive', 'corporate', 'leader', 'finance'],
    looks: [
      look('boardroom', 'Boardroom', ['navy-suit', 'charcoal-suit', 'grey-suit', 'f:navy-blazer', 'black-suit'], 'half', ['office-day', 'none', 'studio-grey']),
      look('keynote', 'Keynote', ['navy-blazer', 'charcoal-blazer', 'emerald-blazer', 'plum-blazer'], 'full', ['studio-blue', 'none', 'studio-grey']),
      look('desk', 'At the desk', ['m:white-shirt', 'f:ivory-blouse', 'oxford-shirt', 'f:sky-blouse', 'm:pink-shirt'], 'seated', ['office-day', 'office-teal']),
    ],
  },
  founder: {
    label: 'Founder', tags: ['founder', 'startup', 'tech', 'entrepreneur'],
    looks: [
      look('pitch', 'Pitch', ['charcoal-blazer', 'camel-blazer', 'navy-blazer', 'emerald-blazer'], 'half', ['none', 'studio-warm', 'solid-lilac']),
      look('office-hours', 'Office hours', ['black-turtleneck', 'cream-turtleneck', 'terracotta-turtleneck'], 'seated', ['office-teal', 'home-warm']),
      look('demo-day', 'Demo day', ['white-tee', 'black-tee', 'coral-tee'], 'side', ['studio-blue', 'none']),
    ],
  },
  creator: {
    label: 'Creator', tags: ['creator', 'influencer', 'vlogger', 'ugc', 'social'],
    looks: [
      look('vlog', 'Vlog', ['lilac-hoodie', 'charcoal-hoodie', 'red-hoodie', 'teal-hoodie'], 'half', ['home-warm', 'none', 'home-sage']),
      look('unboxing', 'Unboxing', ['coral-tee', 'cream-tee', 'white-tee', 'black-tee'], 'seated', ['home-sage', 'home-warm']),
      look('street', 'Street', ['denim-jacket', 'light-denim'], 'full', ['outdoor-park', 'outdoor-golden', 'none']),
    ],
  },
  coach: {
    label: 'Fitness coach', tags: ['coach', 'fitness', 'trainer', 'gym', 'wellness'],
    looks: [
      look('warm-up', 'Warm-up', ['track-black', 'track-navy', 'track-green'], 'half', ['none', 'studio-grey', 'solid-mint']),
      look('run', 'Run club', ['tank-coral', 'tank-black', 'tank-grey'], 'full', ['outdoor-park', 'outdoor-golden']),
      look('studio', 'Studio class', ['tank-grey', 'tank-black', 'jersey-green'], 'side', ['studio-warm', 'none']),
    ],
  },
  nurse: {
    label: 'Nurse', tags: ['nurse', 'healthcare', 'medical', 'care', 'pharmacy'],
    looks: [
      look('ward', 'On the ward', ['teal-scrubs', 'navy-scrubs', 'wine-scrubs'], 'half', ['none', 'solid-mint', 'office-teal']),
      look('rounds', 'Rounds', ['navy-scrubs', 'teal-scrubs', 'wine-scrubs'], 'full', ['studio-grey', 'none']),
      look('clinic', 'Clinic', ['labcoat-lilac', 'labcoat-blue'], 'seated', ['office-teal', 'office-day']),
    ],
  },
  doctor: {
    label: 'Doctor', tags: ['doctor', 'healthcare', 'medical', 'clinic', 'dental'],
    looks: [
      look('consult', 'Consultation', ['labcoat-blue', 'labcoat-lilac'], 'half', ['office-teal', 'none']),
      look('clinic-desk', 'Clinic desk', ['labcoat-blue', 'labcoat-lilac'], 'seated', ['office-day', 'office-teal']),
      look('hallway', 'Hallway', ['navy-scrubs', 'teal-scrubs'], 'side', ['none', 'studio-grey']),
    ],
  },
  chef: {
    label: 'Chef', tags: ['chef', 'food', 'cooking', 'restaurant', 'kitchen'],
    looks: [
      look('kitchen', 'Kitchen', ['chef-white', 'chef-black'], 'half', ['none', 'studio-warm']),
      look('pass', 'At the pass', ['chef-white', 'chef-black'], 'full', ['studio-grey', 'none']),
      look('market', 'Market', ['apron-green', 'apron-denim', 'apron-brown'], 'side', ['outdoor-golden', 'outdoor-park']),
    ],
  },
  barista: {
    label: 'Barista', tags: ['barista', 'cafe', 'coffee', 'hospitality', 'small business'],
    looks: [
      look('counter', 'Counter', ['apron-brown', 'apron-green', 'apron-denim'], 'half', ['home-warm', 'none']),
      look('shop', 'Shop floor', ['green-polo', 'navy-polo', 'red-polo'], 'full', ['studio-warm', 'none']),
      look('break', 'On a break', ['cream-tee', 'black-tee', 'white-tee'], 'seated', ['home-sage', 'home-warm']),
    ],
  },
  engineer: {
    label: 'Engineer', tags: ['engineer', 'tech', 'software', 'product', 'saas'],
    looks: [
      look('demo', 'Product demo', ['black-turtleneck', 'cream-turtleneck', 'navy-knit'], 'half', ['none', 'studio-blue']),
      look('site', 'On site', ['hivis-orange', 'hivis-yellow'], 'full', ['outdoor-park', 'outdoor-golden']),
      look('support', 'Support desk', ['navy-polo', 'green-polo'], 'seated', ['office-day', 'office-teal']),
    ],
  },
  teacher: {
    label: 'Teacher', tags: ['teacher', 'education', 'course', 'tutor', 'explainer'],
    looks: [
      look('lecture', 'Lecture', ['oat-knit', 'sage-knit', 'rust-knit', 'navy-knit'], 'half', ['office-day', 'none']),
      look('study', 'Study', ['f:ivory-blouse', 'm:oxford-shirt', 'f:rose-blouse', 'm:white-shirt'], 'seated', ['home-warm', 'office-day']),
      look('campus', 'Campus', ['denim-jacket', 'light-denim'], 'side', ['outdoor-park', 'outdoor-golden']),
    ],
  },
  stylist: {
    label: 'Stylist', tags: ['stylist', 'fashion', 'beauty', 'retail', 'lifestyle'],
    looks: [
      look('lookbook', 'Lookbook', ['f:rose-blouse', 'm:black-turtleneck', 'f:sky-blouse', 'm:camel-blazer'], 'full', ['studio-warm', 'solid-coral']),
      look('atelier', 'Atelier', ['black-turtleneck', 'cream-turtleneck', 'terracotta-turtleneck'], 'half', ['home-sage', 'none']),
      look('street-style', 'Street style', ['light-denim', 'denim-jacket'], 'side', ['outdoor-golden', 'none']),
    ],
  },
  host: {
    label: 'Host', tags: ['host', 'anchor', 'presenter', 'news', 'media'],
    looks: [
      look('newsdesk', 'News desk', ['navy-suit', 'charcoal-suit', 'f:plum-blazer', 'f:emerald-blazer'], 'seated', ['studio-blue', 'office-day']),
      look('stage', 'On stage', ['navy-blazer', 'plum-blazer', 'charcoal-blazer'], 'full', ['studio-blue', 'studio-warm']),
      look('live', 'Live', ['mustard-knit', 'rust-knit', 'sage-knit'], 'half', ['none', 'solid-lilac']),
    ],
  },
  athlete: {
    label: 'Athlete', tags: ['athlete', 'sport', 'team', 'game', 'energy'],
    looks: [
      look('game-day', 'Game day', ['jersey-blue', 'jersey-red', 'jersey-green'], 'half', ['none', 'solid-coral']),
      look('training', 'Training', ['track-navy', 'track-green', 'track-black'], 'full', ['outdoor-park', 'studio-grey']),
      look('court', 'Court', ['tank-black', 'tank-grey'], 'side', ['studio-grey', 'none']),
    ],
  },
  trades: {
    label: 'Tradesperson', tags: ['trades', 'construction', 'home improvement', 'tools', 'diy'],
    looks: [
      look('on-site', 'On site', ['hivis-yellow', 'hivis-orange'], 'half', ['outdoor-park', 'none']),
      look('workshop', 'Workshop', ['denim-jacket', 'light-denim'], 'full', ['studio-warm', 'none']),
      look('quote', 'Quote', ['red-polo', 'navy-polo'], 'seated', ['home-warm']),
    ],
  },
  retail: {
    label: 'Store associate', tags: ['retail', 'store', 'shop', 'customer service', 'ecommerce'],
    looks: [
      look('floor', 'Shop floor', ['red-polo', 'navy-polo', 'green-polo'], 'half', ['none', 'studio-warm']),
      look('stockroom', 'Stockroom', ['apron-denim', 'apron-green'], 'full', ['studio-grey', 'none']),
      look('help-desk', 'Help desk', ['white-tee', 'cream-tee'], 'seated', ['office-day', 'home-sage']),
    ],
  },
  scientist: {
    label: 'Scientist', tags: ['scientist', 'research', 'lab', 'skincare', 'expert'],
    looks: [
      look('lab', 'Lab', ['labcoat-blue', 'labcoat-lilac'], 'half', ['none', 'studio-blue']),
      look('talk', 'Talk', ['charcoal-blazer', 'navy-blazer'], 'side', ['studio-grey', 'none']),
      look('field', 'Field work', ['denim-jacket', 'hivis-orange'], 'full', ['outdoor-park', 'outdoor-golden']),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

interface Person {
  id: string;
  name: string;
  g: 'f' | 'm';
  age: AgeLook;
  skin: string;
  face: FaceShape;
  eyes: EyeShape;
  iris: string;
  hair: HairStyle;
  hairColor: string;
  /** Brow thickness and arch, 0..1. */
  brows: [number, number];
  persona: string;
  mood: string;
  nose?: number;
  lips?: number;
  beard?: 'stubble' | 'beard' | 'mustache';
  glasses?: 'round' | 'rect';
  earrings?: 'hoop' | 'stud';
  lipTint?: number;
}

/** The ten original presenters: their first look is exactly the original. */
const CLASSIC_PEOPLE: Record<string, { persona: string; mood: string; age: AgeLook; face: FaceShape; eyes: EyeShape }> = {
  ava: { persona: 'executive', mood: 'Warm and upbeat', age: 'adult', face: 'oval', eyes: 'almond' },
  marcus: { persona: 'teacher', mood: 'Calm and confident', age: 'adult', face: 'square', eyes: 'almond' },
  mei: { persona: 'scientist', mood: 'Precise and friendly', age: 'adult', face: 'oval', eyes: 'narrow' },
  diego: { persona: 'creator', mood: 'Easygoing', age: 'young', face: 'oval', eyes: 'almond' },
  amara: { persona: 'host', mood: 'Bright and expressive', age: 'adult', face: 'round', eyes: 'round' },
  leo: { persona: 'engineer', mood: 'Thoughtful', age: 'adult', face: 'long', eyes: 'almond' },
  priya: { persona: 'stylist', mood: 'Polished and clear', age: 'adult', face: 'heart', eyes: 'almond' },
  kenji: { persona: 'founder', mood: 'Relaxed creator vibe', age: 'young', face: 'oval', eyes: 'narrow' },
  nora: { persona: 'barista', mood: 'Crisp and witty', age: 'young', face: 'heart', eyes: 'round' },
  sofia: { persona: 'coach', mood: 'Energetic', age: 'young', face: 'oval', eyes: 'almond' },
};

const P = (
  id: string, name: string, g: 'f' | 'm', age: AgeLook, skin: string, face: FaceShape, eyes: EyeShape, iris: string,
  hair: HairStyle, hairColor: string, brows: [number, number], persona: string, mood: string, extra: Partial<Person> = {},
): Person => ({ id, name, g, age, skin, face, eyes, iris, hair, hairColor, brows, persona, mood, ...extra });

const PEOPLE: readonly Person[] = [
  P('zara', 'Zara', 'f', 'young', 'caramel', 'heart', 'almond', 'brown', 'braids', 'softblack', [0.6, 0.6], 'creator', 'Bold and playful', { earrings: 'hoop', lipTint: 0.4 }),
  P('omar', 'Omar', 'm', 'adult', 'olive', 'square', 'almond', 'dark', 'short', 'black', [0.85, 0.25], 'executive', 'Steady and trustworthy', { beard: 'beard' }),
  P('hana', 'Hana', 'f', 'young', 'ivory', 'round', 'narrow', 'dark', 'bob', 'black', [0.45, 0.45], 'barista', 'Gentle and cheerful', { earrings: 'stud', lipTint: 0.35 }),
  P('kwame', 'Kwame', 'm', 'adult', 'ebony', 'oval', 'almond', 'dark', 'buzz', 'black', [0.75, 0.3], 'coach', 'Motivating and warm', { beard: 'stubble' }),
  P('lucia', 'Lucía', 'f', 'adult', 'olive', 'oval', 'round', 'hazel', 'long', 'chestnut', [0.6, 0.65], 'host', 'Vivid storyteller', { earrings: 'hoop', lipTint: 0.45 }),
  P('ethan', 'Ethan', 'm', 'young', 'fair', 'long', 'almond', 'blue', 'textured', 'blonde', [0.5, 0.3], 'founder', 'Curious and quick', {}),
  P('aisha', 'Aisha', 'f', 'adult', 'chestnut', 'oval', 'almond', 'dark', 'hijab', 'scarfrose', [0.65, 0.55], 'doctor', 'Reassuring and clear', { lipTint: 0.3 }),
  P('raj', 'Raj', 'm', 'mature', 'tan', 'round', 'almond', 'brown', 'slick', 'saltpepper', [0.8, 0.35], 'scientist', 'Knowledgeable and kind', { glasses: 'rect', beard: 'mustache' }),
  P('grace', 'Grace', 'f', 'senior', 'porcelain', 'round', 'round', 'blue', 'bob', 'silver', [0.4, 0.5], 'teacher', 'Warm and wise', { glasses: 'round', earrings: 'stud', lipTint: 0.3 }),
  P('lucas', 'Lucas', 'm', 'young', 'light', 'oval', 'round', 'green', 'fringe', 'brown', [0.55, 0.25], 'athlete', 'Upbeat and sporty', {}),
  P('yuki', 'Yuki', 'f', 'young', 'beige', 'heart', 'narrow', 'dark', 'pixie', 'pink', [0.4, 0.4], 'stylist', 'Cool and precise', { earrings: 'stud', lipTint: 0.45 }),
  P('samuel', 'Samuel', 'm', 'senior', 'deep', 'long', 'almond', 'dark', 'bald', 'grey', [0.5, 0.3], 'executive', 'Distinguished and calm', { beard: 'beard', glasses: 'rect' }),
  P('fatima', 'Fatima', 'f', 'adult', 'honey', 'oval', 'almond', 'amber', 'hijab', 'scarfnavy', [0.7, 0.6], 'teacher', 'Patient and bright', { lipTint: 0.25 }),
  P('mateo', 'Mateo', 'm', 'adult', 'honey', 'square', 'almond', 'brown', 'curly', 'darkbrown', [0.75, 0.3], 'chef', 'Passionate and fun', { beard: 'stubble' }),
  P('ingrid', 'Ingrid', 'f', 'mature', 'porcelain', 'long', 'almond', 'grey', 'straight', 'platinum', [0.35, 0.55], 'executive', 'Composed and direct', { earrings: 'stud', lipTint: 0.35 }),
  P('hiroshi', 'Hiroshi', 'm', 'mature', 'beige', 'oval', 'narrow', 'dark', 'short', 'saltpepper', [0.6, 0.2], 'engineer', 'Methodical and calm', { glasses: 'rect' }),
  P('chloe', 'Chloé', 'f', 'young', 'fair', 'oval', 'round', 'green', 'ponytail', 'ginger', [0.45, 0.6], 'coach', 'Sunny and energetic', { lipTint: 0.3 }),
  P('yusuf', 'Yusuf', 'm', 'young', 'caramel', 'oval', 'almond', 'dark', 'afro', 'black', [0.8, 0.3], 'creator', 'Charismatic and loose', { beard: 'stubble' }),
  P('olivia', 'Olivia', 'f', 'adult', 'light', 'oval', 'almond', 'blue', 'long', 'honey', [0.5, 0.6], 'retail', 'Friendly and helpful', { earrings: 'hoop', lipTint: 0.4 }),
  P('arjun', 'Arjun', 'm', 'young', 'chestnut', 'long', 'almond', 'brown', 'textured', 'black', [0.8, 0.3], 'engineer', 'Sharp and friendly', { glasses: 'round' }),
  P('amani', 'Amani', 'f', 'young', 'umber', 'round', 'round', 'dark', 'afro', 'softblack', [0.6, 0.5], 'athlete', 'Fierce and joyful', { earrings: 'hoop', lipTint: 0.25 }),
  P('daniel', 'Daniel', 'm', 'adult', 'rosy', 'square', 'almond', 'blue', 'short', 'chestnut', [0.6, 0.25], 'trades', 'Practical and honest', { beard: 'beard' }),
  P('mira', 'Mira', 'f', 'adult', 'tan', 'oval', 'almond', 'brown', 'bun', 'darkbrown', [0.65, 0.65], 'nurse', 'Caring and calm', { earrings: 'stud', lipTint: 0.3 }),
  P('felix', 'Felix', 'm', 'young', 'porcelain', 'heart', 'round', 'grey', 'fringe', 'platinum', [0.35, 0.3], 'stylist', 'Witty and stylish', { earrings: 'stud' }),
  P('elena', 'Elena', 'f', 'mature', 'olive', 'heart', 'almond', 'hazel', 'bob', 'brown', [0.5, 0.6], 'doctor', 'Warm authority', { glasses: 'rect', earrings: 'stud', lipTint: 0.35 }),
  P('jamal', 'Jamal', 'm', 'adult', 'brown', 'oval', 'almond', 'dark', 'textured', 'softblack', [0.8, 0.3], 'host', 'Smooth and engaging', { beard: 'beard' }),
  P('rosa', 'Rosa', 'f', 'senior', 'golden', 'round', 'almond', 'brown', 'bun', 'grey', [0.45, 0.55], 'chef', 'Homely and generous', { earrings: 'hoop', lipTint: 0.3 }),
  P('wei', 'Wei', 'm', 'adult', 'ivory', 'oval', 'narrow', 'dark', 'slick', 'black', [0.6, 0.2], 'founder', 'Focused and sincere', {}),
  P('sunhee', 'Sun-hee', 'f', 'young', 'ivory', 'oval', 'narrow', 'dark', 'straight', 'softblack', [0.4, 0.45], 'creator', 'Soft-spoken and sweet', { earrings: 'stud', lipTint: 0.5 }),
  P('andre', 'André', 'm', 'young', 'umber', 'square', 'almond', 'dark', 'buzz', 'softblack', [0.75, 0.3], 'retail', 'Relaxed and upbeat', { earrings: 'stud' }),
  P('leila', 'Leila', 'f', 'adult', 'golden', 'oval', 'round', 'green', 'long', 'darkbrown', [0.7, 0.7], 'stylist', 'Glamorous and warm', { earrings: 'hoop', lipTint: 0.5 }),
  P('olu', 'Olu', 'm', 'mature', 'ebony', 'square', 'almond', 'dark', 'buzz', 'saltpepper', [0.6, 0.25], 'doctor', 'Assured and kind', { beard: 'beard', glasses: 'rect' }),
  P('tamsin', 'Tamsin', 'f', 'adult', 'rosy', 'long', 'almond', 'green', 'pixie', 'auburn', [0.45, 0.5], 'engineer', 'Direct and dry-humoured', { earrings: 'stud' }),
  P('henrik', 'Henrik', 'm', 'senior', 'porcelain', 'long', 'almond', 'blue', 'short', 'silver', [0.45, 0.3], 'teacher', 'Measured and thoughtful', { glasses: 'round', beard: 'beard' }),
  P('beatriz', 'Beatriz', 'f', 'young', 'honey', 'round', 'round', 'brown', 'curly', 'chestnut', [0.6, 0.6], 'barista', 'Lively and bubbly', { earrings: 'hoop', lipTint: 0.4 }),
  P('carlos', 'Carlos', 'm', 'mature', 'olive', 'round', 'almond', 'brown', 'short', 'grey', [0.75, 0.3], 'chef', 'Hearty and proud', { beard: 'mustache' }),
  P('noor', 'Noor', 'f', 'young', 'tan', 'heart', 'almond', 'amber', 'hijab', 'scarfsand', [0.6, 0.65], 'founder', 'Driven and upbeat', { lipTint: 0.35 }),
  P('ibrahim', 'Ibrahim', 'm', 'adult', 'caramel', 'long', 'almond', 'dark', 'short', 'softblack', [0.8, 0.3], 'nurse', 'Gentle and steady', { beard: 'beard' }),
  P('ruth', 'Ruth', 'f', 'senior', 'deep', 'round', 'almond', 'dark', 'curly', 'silver', [0.4, 0.5], 'host', 'Radiant and wise', { glasses: 'round', earrings: 'stud', lipTint: 0.3 }),
  P('noah', 'Noah', 'm', 'young', 'light', 'oval', 'almond', 'hazel', 'textured', 'brown', [0.55, 0.3], 'barista', 'Chill and friendly', { beard: 'stubble' }),
  P('keiko', 'Keiko', 'f', 'mature', 'beige', 'oval', 'narrow', 'dark', 'bob', 'saltpepper', [0.4, 0.4], 'scientist', 'Exacting and kind', { glasses: 'rect', earrings: 'stud', lipTint: 0.25 }),
  P('minjun', 'Min-jun', 'm', 'young', 'ivory', 'heart', 'narrow', 'dark', 'fringe', 'black', [0.55, 0.2], 'creator', 'Playful and sharp', {}),
  P('imani', 'Imani', 'f', 'adult', 'deep', 'oval', 'almond', 'dark', 'braids', 'black', [0.65, 0.6], 'executive', 'Commanding and warm', { earrings: 'hoop', lipTint: 0.35 }),
  P('george', 'George', 'm', 'senior', 'rosy', 'round', 'almond', 'blue', 'bald', 'silver', [0.45, 0.3], 'retail', 'Genial and trusted', { beard: 'mustache', glasses: 'round' }),
  P('freya', 'Freya', 'f', 'young', 'porcelain', 'oval', 'round', 'blue', 'ponytail', 'blonde', [0.35, 0.55], 'athlete', 'Bright and driven', { lipTint: 0.3 }),
  P('pedro', 'Pedro', 'm', 'adult', 'golden', 'oval', 'almond', 'brown', 'curly', 'brown', [0.7, 0.3], 'trades', 'Can-do and cheerful', { beard: 'stubble' }),
  P('ana', 'Ana', 'f', 'adult', 'light', 'round', 'almond', 'brown', 'ponytail', 'chestnut', [0.55, 0.6], 'nurse', 'Upbeat and caring', { earrings: 'stud', lipTint: 0.3 }),
  P('kofi', 'Kofi', 'm', 'young', 'deep', 'long', 'almond', 'dark', 'afro', 'softblack', [0.7, 0.3], 'athlete', 'Big energy', {}),
  P('maya', 'Maya', 'f', 'young', 'golden', 'oval', 'almond', 'hazel', 'straight', 'plum', [0.5, 0.6], 'creator', 'Trendy and fun', { earrings: 'hoop', lipTint: 0.55 }),
  P('luca', 'Luca', 'm', 'adult', 'beige', 'long', 'almond', 'hazel', 'slick', 'darkbrown', [0.7, 0.3], 'stylist', 'Suave and relaxed', { beard: 'stubble' }),
  P('deborah', 'Deborah', 'f', 'senior', 'light', 'oval', 'almond', 'grey', 'short', 'silver', [0.35, 0.5], 'doctor', 'Kind and experienced', { glasses: 'rect', earrings: 'stud', lipTint: 0.35 }),
  P('ravi', 'Ravi', 'm', 'adult', 'chestnut', 'oval', 'round', 'brown', 'short', 'black', [0.85, 0.3], 'retail', 'Helpful and bright', { glasses: 'rect', beard: 'stubble' }),
  P('margaret', 'Margaret', 'f', 'senior', 'porcelain', 'heart', 'almond', 'blue', 'bun', 'silver', [0.35, 0.55], 'scientist', 'Sharp and gracious', { glasses: 'round', earrings: 'stud', lipTint: 0.3 }),
  P('jonas', 'Jonas', 'm', 'adult', 'fair', 'square', 'almond', 'blue', 'buzz', 'blonde', [0.45, 0.25], 'coach', 'Calm strength', { beard: 'beard' }),
  P('lin', 'Lin', 'f', 'adult', 'beige', 'oval', 'narrow', 'dark', 'long', 'black', [0.45, 0.5], 'engineer', 'Calm and clear', { glasses: 'rect', earrings: 'stud', lipTint: 0.3 }),
  P('malik', 'Malik', 'm', 'adult', 'umber', 'long', 'almond', 'dark', 'slick', 'black', [0.8, 0.3], 'founder', 'Confident and polished', { beard: 'beard' }),
  P('adaeze', 'Adaeze', 'f', 'adult', 'ebony', 'heart', 'round', 'dark', 'afro', 'black', [0.6, 0.6], 'chef', 'Joyful and bold', { earrings: 'hoop', lipTint: 0.4 }),
  P('walter', 'Walter', 'm', 'senior', 'light', 'square', 'almond', 'grey', 'slick', 'silver', [0.55, 0.3], 'trades', 'Seasoned and steady', { beard: 'beard' }),
  P('valentina', 'Valentina', 'f', 'young', 'olive', 'oval', 'almond', 'brown', 'long', 'black', [0.65, 0.7], 'retail', 'Warm and sparkling', { earrings: 'hoop', lipTint: 0.5 }),
  P('sami', 'Sami', 'f', 'adult', 'honey', 'round', 'almond', 'hazel', 'hijab', 'scarfsage', [0.6, 0.55], 'chef', 'Cheerful and precise', { lipTint: 0.3 }),
];

// ---------------------------------------------------------------------------------------------
// Building the library
// ---------------------------------------------------------------------------------------------

const STYLE_ORDER: readonly ArtStyle[] = ['soft', 'flat', 'cartoon'];

const HAIR_WORDS: Record<HairStyle, string> = {
  long: 'long wavy hair', straight: 'long sleek hair', bob: 'bob', bun: 'top bun', ponytail: 'ponytail', curly: 'natural curls',
  short: 'short side part', fringe: 'textured fringe', textured: 'textured crop', buzz: 'buzz cut', bald: 'shaved head',
  afro: 'afro', pixie: 'pixie cut', braids: 'box braids', hijab: 'hijab', slick: 'slicked-back hair',
};

function pick<T>(xs: readonly T[], i: number): T {
  return xs[((i % xs.length) + xs.length) % xs.length]!;
}

function wearFor(look: PersonaLook, gender: 'f' | 'm', i: number): Outfit {
  const fit = look.wear.filter((w) => !/^[fm]:/.test(w) || w.startsWith(`${gender}:`)).map((w) => w.replace(/^[fm]:/, ''));
  const key = pick(fit, i);
  const outfit = WARDROBE[key];
  if (!outfit) throw new Error(`catalog: no outfit ${key}`);
  return outfit;
}

function personLook(person: Person, index: number, variant: 0 | 1 | 2): PresenterLook {
  const persona = PERSONAS[person.persona]!;
  const pl = persona.looks[variant];
  const outfit = wearFor(pl, person.g, index + variant);
  const background = BACKGROUNDS[pick(pl.bg, index + variant)] ?? null;
  const hair = HAIR[person.hairColor]!;
  const style = pick(STYLE_ORDER, index + variant);
  const female = person.g === 'f';
  const category = OUTFIT_CATEGORY[outfit.style];
  // Full-body business looks: some women wear a skirt.
  const bottom = pl.pose === 'full' && female && category === 'business' && index % 2 === 0
    ? { kind: 'skirt' as const, color: outfit.style === 'blouse' ? '#2f3a56' : outfit.primary }
    : outfit.bottom;
  const l: PresenterLook = {
    id: variant === 0 ? person.id : `${person.id}-${pl.key}`,
    name: variant === 0 ? person.name : `${person.name} · ${pl.label}`,
    gender: female ? 'female' : 'male',
    description: `${person.mood}, ${person.hair === 'hijab' ? `${hair.name} hijab` : `${hair.name} ${HAIR_WORDS[person.hair]}`}, ${outfit.name} ${OUTFIT_LABEL[outfit.style]}`,
    skin: SKIN[person.skin]!,
    hair: { style: person.hair, color: hair.color, highlight: hair.highlight },
    eyes: { iris: IRIS[person.iris]!, shape: person.eyes },
    brows: {
      color: person.hair === 'hijab' ? '#2a1c16' : person.age === 'senior' ? hair.color : hair.color === HAIR.platinum!.color || hair.color === HAIR.blonde!.color ? '#8a6a44' : hair.color,
      thickness: person.brows[0],
      arch: person.brows[1],
    },
    outfit: {
      style: outfit.style,
      primary: outfit.primary,
      secondary: outfit.secondary,
      ...(outfit.accent ? { accent: outfit.accent } : {}),
      ...(bottom ? { bottom } : {}),
    },
    style,
    pose: pl.pose,
    age: person.age,
    face: { shape: person.face, ...(person.nose ? { nose: person.nose } : {}), ...(person.lips ? { lips: person.lips } : {}) },
    ...(background ? { background } : {}),
    ...(person.beard ? { facialHair: { style: person.beard, color: person.age === 'senior' ? HAIR.silver!.color : hair.color } } : {}),
    ...(person.glasses ? { glasses: { frame: person.age === 'senior' ? '#6b5a4e' : '#2b2523', shape: person.glasses } } : {}),
    ...(person.earrings ? { earrings: { kind: person.earrings, color: person.earrings === 'hoop' ? '#d8b15a' : '#ece6dc' } } : {}),
    ...(person.lipTint ? { lipTint: person.lipTint } : {}),
  };
  return withTags(l, persona);
}

/** A classic presenter's extra looks keep its face and hair and take its persona's wardrobe. */
function classicLook(base: PresenterLook, index: number, variant: 0 | 1 | 2): PresenterLook {
  const meta = CLASSIC_PEOPLE[base.id]!;
  const persona = PERSONAS[meta.persona]!;
  if (variant === 0) {
    // Exactly the original (saved projects and the render tests rely on it), plus library facts.
    return withTags({ ...base, age: meta.age, face: { shape: 'oval' }, eyes: { ...base.eyes } }, persona, true);
  }
  const pl = persona.looks[variant];
  const outfit = wearFor(pl, base.gender === 'female' ? 'f' : 'm', index + variant);
  const background = BACKGROUNDS[pick(pl.bg, index + variant)] ?? null;
  const l: PresenterLook = {
    ...base,
    id: `${base.id}-${pl.key}`,
    name: `${base.name} · ${pl.label}`,
    description: `${meta.mood}, ${base.description.split(', ').slice(1, -1).join(', ') || HAIR_WORDS[base.hair.style]}, ${outfit.name} ${OUTFIT_LABEL[outfit.style]}`,
    eyes: { ...base.eyes, shape: meta.eyes },
    outfit: { style: outfit.style, primary: outfit.primary, secondary: outfit.secondary, ...(outfit.accent ? { accent: outfit.accent } : {}) },
    style: pick(STYLE_ORDER, variant),
    pose: pl.pose,
    age: meta.age,
    face: { shape: meta.face },
  };
  if (background) l.background = background;
  else delete l.background;
  return withTags(l, persona);
}

function withTags(l: PresenterLook, persona: Persona, original = false): PresenterLook {
  const f = facetsOf(l);
  const tags = new Set<string>([
    l.gender === 'female' ? 'feminine' : 'masculine',
    l.gender === 'female' ? 'woman' : 'man',
    f.age,
    `${f.skin} skin`,
    `${f.hair} hair`,
    ...(f.hairColor ? [`${f.hairColor} hair`] : []),
    f.outfit,
    OUTFIT_LABEL[l.outfit.style],
    POSES[f.pose].label.toLowerCase(),
    ART_STYLES[f.style].label.toLowerCase(),
    f.background === 'none' ? 'no background' : `${f.background} background`,
    ...f.orientation,
    persona.label.toLowerCase(),
    ...persona.tags,
    ...(l.glasses ? ['glasses'] : []),
    ...(l.facialHair ? [l.facialHair.style] : []),
    ...(original ? ['original'] : []),
  ]);
  return { ...l, tags: [...tags] };
}

/** Builds the library from the tables above (exported for the determinism test). */
export function buildCatalog(): PresenterLook[] {
  const firsts: PresenterLook[] = [];
  const seconds: PresenterLook[] = [];
  const thirds: PresenterLook[] = [];
  CLASSIC_PRESENTERS.forEach((base, i) => {
    firsts.push(classicLook(base, i, 0));
    seconds.push(classicLook(base, i, 1));
    thirds.push(classicLook(base, i, 2));
  });
  PEOPLE.forEach((person, i) => {
    firsts.push(personLook(person, i, 0));
    seconds.push(personLook(person, i, 1));
    thirds.push(personLook(person, i, 2));
  });
  return [...firsts, ...seconds, ...thirds];
}

// ---------------------------------------------------------------------------------------------
// Facets and filtering
// ---------------------------------------------------------------------------------------------

export type SkinGroup = 'light' | 'medium-light' | 'medium' | 'medium-deep' | 'deep';
export type HairGroup = 'short' | 'medium' | 'long' | 'curly' | 'updo' | 'shaved' | 'covered';
export type HairColorGroup = 'black' | 'brown' | 'blonde' | 'red' | 'grey' | 'dyed';
export type Orientation = 'vertical' | 'horizontal' | 'square';

export interface Facets {
  gender: 'female' | 'male';
  age: AgeLook;
  skin: SkinGroup;
  hair: HairGroup;
  /** Absent for a covered head. */
  hairColor?: HairColorGroup;
  outfit: OutfitCategory;
  pose: Pose;
  style: ArtStyle;
  background: BackgroundKind;
  orientation: Orientation[];
}

const HAIR_GROUP: Record<HairStyle, HairGroup> = {
  short: 'short', fringe: 'short', textured: 'short', pixie: 'short', slick: 'short', bob: 'medium', long: 'long', straight: 'long',
  braids: 'long', curly: 'curly', afro: 'curly', bun: 'updo', ponytail: 'updo', buzz: 'shaved', bald: 'shaved', hijab: 'covered',
};

export function skinGroup(base: string): SkinGroup {
  const l = luminance(base);
  return l >= 0.8 ? 'light' : l >= 0.69 ? 'medium-light' : l >= 0.55 ? 'medium' : l >= 0.36 ? 'medium-deep' : 'deep';
}

export function hairColorGroup(color: string): HairColorGroup {
  const [h, s, l] = hsl(color);
  if (l < 0.16) return 'black';
  if (s < 0.15 && l >= 0.3) return 'grey';
  if (s > 0.25 && (h > 270 || (h > 90 && h < 250))) return 'dyed';
  if (l > 0.44 && h >= 25 && h <= 60) return 'blonde';
  if (h < 21 && s > 0.5 && l > 0.28) return 'red';
  return 'brown';
}

const facetCache = new WeakMap<PresenterLook, Facets>();

export function facetsOf(l: PresenterLook): Facets {
  let f = facetCache.get(l);
  if (f) return f;
  const pose = l.pose ?? 'half';
  const fits = POSES[pose].fits;
  const covered = l.hair.style === 'hijab';
  f = {
    gender: l.gender,
    age: l.age ?? 'adult',
    skin: skinGroup(l.skin.base),
    hair: HAIR_GROUP[l.hair.style],
    ...(covered ? {} : { hairColor: hairColorGroup(l.hair.color) }),
    outfit: OUTFIT_CATEGORY[l.outfit.style],
    pose,
    style: l.style ?? 'soft',
    background: l.background?.kind ?? 'none',
    orientation: [
      ...(fits.includes('9:16') ? ['vertical' as const] : []),
      ...(fits.includes('16:9') ? ['horizontal' as const] : []),
      ...(fits.includes('1:1') ? ['square' as const] : []),
    ],
  };
  facetCache.set(l, f);
  return f;
}

export type FacetKey = 'gender' | 'age' | 'skin' | 'hair' | 'hairColor' | 'outfit' | 'pose' | 'style' | 'background' | 'orientation';

export interface FacetDef {
  key: FacetKey;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

/** The library's filters, in the order the picker shows them. */
export const FACETS: readonly FacetDef[] = [
  { key: 'gender', label: 'Gender', options: [{ value: 'female', label: 'Feminine' }, { value: 'male', label: 'Masculine' }] },
  { key: 'age', label: 'Age', options: [{ value: 'young', label: 'Young' }, { value: 'adult', label: 'Adult' }, { value: 'mature', label: 'Mature' }, { value: 'senior', label: 'Senior' }] },
  {
    key: 'skin', label: 'Skin tone',
    options: [{ value: 'light', label: 'Light' }, { value: 'medium-light', label: 'Medium light' }, { value: 'medium', label: 'Medium' }, { value: 'medium-deep', label: 'Medium deep' }, { value: 'deep', label: 'Deep' }],
  },
  {
    key: 'hair', label: 'Hair',
    options: [
      { value: 'short', label: 'Short' }, { value: 'medium', label: 'Medium' }, { value: 'long', label: 'Long' }, { value: 'curly', label: 'Curly' },
      { value: 'updo', label: 'Tied up' }, { value: 'shaved', label: 'Shaved' }, { value: 'covered', label: 'Covered' },
    ],
  },
  {
    key: 'hairColor', label: 'Hair colour',
    options: [
      { value: 'black', label: 'Black' }, { value: 'brown', label: 'Brown' }, { value: 'blonde', label: 'Blonde' }, { value: 'red', label: 'Red' },
      { value: 'grey', label: 'Grey' }, { value: 'dyed', label: 'Dyed' },
    ],
  },
  { key: 'outfit', label: 'Outfit', options: [{ value: 'business', label: 'Business' }, { value: 'casual', label: 'Casual' }, { value: 'uniform', label: 'Uniform' }, { value: 'sport', label: 'Sport' }] },
  { key: 'pose', label: 'Pose', options: [{ value: 'full', label: 'Full body' }, { value: 'half', label: 'Half body' }, { value: 'seated', label: 'Seated' }, { value: 'side', label: 'Side' }] },
  { key: 'style', label: 'Style', options: [{ value: 'soft', label: 'Soft 2.5D' }, { value: 'flat', label: 'Flat' }, { value: 'cartoon', label: 'Cartoon' }] },
  {
    key: 'background', label: 'Background',
    options: [
      { value: 'none', label: 'None' }, { value: 'studio', label: 'Studio' }, { value: 'office', label: 'Office' }, { value: 'home', label: 'Home' },
      { value: 'outdoor', label: 'Outdoors' }, { value: 'solid', label: 'Solid colour' },
    ],
  },
  { key: 'orientation', label: 'Fits', options: [{ value: 'vertical', label: 'Vertical 9:16' }, { value: 'horizontal', label: 'Horizontal 16:9' }, { value: 'square', label: 'Square 1:1' }] },
];

/** A library query: options within a facet are alternatives (OR), facets combine (AND). */
export type AvatarQuery = Partial<Record<FacetKey, readonly string[]>> & {
  /** Words that must all appear in the name, id, description or tags. */
  text?: string;
  /** Only these ids (favourites). */
  only?: ReadonlySet<string> | null;
};

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const haystacks = new WeakMap<PresenterLook, string>();
function haystack(l: PresenterLook): string {
  let h = haystacks.get(l);
  if (h === undefined) {
    h = fold([l.name, l.id, l.description, ...(l.tags ?? [])].join(' | '));
    haystacks.set(l, h);
  }
  return h;
}

function facetMatches(f: Facets, key: FacetKey, wanted: readonly string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  const v = f[key];
  if (Array.isArray(v)) return v.some((x) => wanted.includes(x));
  return v !== undefined && wanted.includes(v as string);
}

export function matches(l: PresenterLook, q: AvatarQuery, skip?: FacetKey): boolean {
  if (q.only && !q.only.has(l.id)) return false;
  const f = facetsOf(l);
  for (const def of FACETS) {
    if (def.key !== skip && !facetMatches(f, def.key, q[def.key])) return false;
  }
  const words = q.text ? fold(q.text).split(/\s+/).filter(Boolean) : [];
  if (words.length) {
    const h = haystack(l);
    if (!words.every((w) => h.includes(w))) return false;
  }
  return true;
}

export function filterPresenters(list: readonly PresenterLook[], q: AvatarQuery): PresenterLook[] {
  return list.filter((l) => matches(l, q));
}

/** How many results each option of a facet would give, with every other filter applied. */
export function facetCounts(list: readonly PresenterLook[], q: AvatarQuery, key: FacetKey): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of list) {
    if (!matches(l, q, key)) continue;
    const v = facetsOf(l)[key];
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) out[x as string] = (out[x as string] ?? 0) + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Every built-in presenter, in library order. The first one is the default. */
export const BUILTIN_PRESENTERS: readonly PresenterLook[] = buildCatalog();

const byId = new Map(BUILTIN_PRESENTERS.map((p) => [p.id, p]));

/** A presenter by id, or the default one. */
export function presenterById(id: string | undefined): PresenterLook {
  return (id ? byId.get(id) : undefined) ?? BUILTIN_PRESENTERS[0]!;
}

/** Whether a built-in presenter has this id. */
export function hasPresenter(id: string): boolean {
  return byId.has(id);
}
