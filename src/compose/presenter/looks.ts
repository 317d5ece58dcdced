/** How a built-in presenter looks. All colours are #rrggbb. */
export type HairStyle =
  | 'long' // long, soft waves past the shoulders, side part
  | 'straight' // long and sleek, centre part
  | 'bob' // chin-length with a full fringe
  | 'bun' // pulled back into a top bun
  | 'ponytail' // pulled back, tail behind one shoulder
  | 'curly' // big natural curls
  | 'short' // classic short cut, side part
  | 'fringe' // short with a textured fringe falling over the forehead
  | 'textured' // short sides, textured top swept up
  | 'buzz' // close-cropped
  | 'bald' // shaved crown, a little hair at the sides
  | 'afro' // a big rounded afro
  | 'pixie' // short and swept to one side, tapered at the nape
  | 'braids' // long box braids over the shoulders
  | 'hijab' // covered by a head scarf
  | 'slick'; // combed straight back

export type OutfitStyle =
  | 'blazer' | 'knit' | 'turtleneck' | 'shirt' | 'hoodie' | 'tee'
  | 'suit' // jacket, shirt and tie
  | 'blouse' // soft blouse with a round neck
  | 'polo' // collared knit shirt with a placket
  | 'denim' // denim jacket over a tee
  | 'scrubs' // medical V-neck top
  | 'labcoat' // white coat over a shirt
  | 'chef' // double-breasted chef's jacket
  | 'apron' // tee under a bib apron (café, shop)
  | 'hivis' // high-visibility vest over a tee
  | 'track' // zip track jacket with stripes
  | 'tank' // athletic tank top
  | 'jersey'; // sports jersey with a V collar

/** What an outfit is for: the library's outfit filter. */
export type OutfitCategory = 'business' | 'casual' | 'uniform' | 'sport';

/** The drawing style (the same figure, rendered three ways). */
export type ArtStyle = 'soft' | 'flat' | 'cartoon';

/**
 * How the figure stands in its 3:4 box: half body (head and chest), seated at a desk, side
 * (three-quarter, turned toward the product) or full body standing.
 */
export type Pose = 'half' | 'seated' | 'side' | 'full';

export type AgeLook = 'young' | 'adult' | 'mature' | 'senior';

export type FaceShape = 'oval' | 'round' | 'square' | 'heart' | 'long';

export type EyeShape = 'almond' | 'round' | 'narrow';

/** What is drawn behind the figure: nothing (composed over the product), or a scene. */
export type BackgroundKind = 'none' | 'studio' | 'office' | 'home' | 'outdoor' | 'solid';

export interface Background {
  kind: BackgroundKind;
  /** Main colour of the scene (wall, sky, backdrop). */
  base: string;
  /** Second colour (furniture, foliage, floor). */
  accent: string;
}

export type BottomKind = 'trousers' | 'jeans' | 'skirt' | 'shorts' | 'joggers';

export interface SkinTone {
  base: string;
  /** Cheek, jaw and neck shading. */
  shadow: string;
  /** Forehead, nose bridge and cheekbone highlights. */
  highlight: string;
  /** Cheek warmth. */
  blush: string;
  /** Lip colour. */
  lip: string;
}

export interface PresenterLook {
  id: string;
  name: string;
  gender: 'female' | 'male';
  /** One line for the picker. */
  description: string;
  skin: SkinTone;
  hair: { style: HairStyle; color: string; highlight: string };
  eyes: { iris: string; shape?: EyeShape };
  brows: { color: string; /** 0..1 */ thickness: number; /** 0..1, how arched */ arch: number };
  outfit: {
    style: OutfitStyle;
    /** The main garment. */
    primary: string;
    /** What shows underneath (blazer) or trims (hoodie strings, shirt buttons). */
    secondary: string;
    /** A third colour: tie, stripes, logo, piping. */
    accent?: string;
    /** Legs (seen in the full-body pose). */
    bottom?: { kind: BottomKind; color: string };
    shoes?: string;
  };
  facialHair?: { style: 'stubble' | 'beard' | 'mustache'; color: string };
  glasses?: { frame: string; shape: 'round' | 'rect' };
  earrings?: { kind: 'hoop' | 'stud'; color: string };
  /** Lip colour added on top of the skin's lip tone, 0..1. */
  lipTint?: number;
  /** Defaults: soft, half, adult, oval, no background. */
  style?: ArtStyle;
  pose?: Pose;
  age?: AgeLook;
  face?: { shape: FaceShape; /** nose width, 0.85..1.2 */ nose?: number; /** lip fullness, 0.8..1.25 */ lips?: number };
  background?: Background;
  /** Words the library search matches (persona, outfit, mood…). */
  tags?: readonly string[];
}

const skin = (base: string, shadow: string, highlight: string, blush: string, lip: string): SkinTone => ({
  base, shadow, highlight, blush, lip,
});

/** The ten original presenters (the first looks of the library; their ids are in saved projects). */
export const CLASSIC_PRESENTERS: readonly PresenterLook[] = [
  {
    id: 'ava',
    name: 'Ava',
    gender: 'female',
    description: 'Warm and upbeat, long wavy hair, navy blazer',
    skin: skin('#f1c7a6', '#d9a07e', '#fbe0cb', '#ec9a8a', '#c96f6b'),
    hair: { style: 'long', color: '#5a3522', highlight: '#8a5a3b' },
    eyes: { iris: '#6b4a2e' },
    brows: { color: '#4a2c1c', thickness: 0.55, arch: 0.7 },
    outfit: { style: 'blazer', primary: '#27385f', secondary: '#f4efe8' },
    earrings: { kind: 'hoop', color: '#d8b15a' },
    lipTint: 0.35,
  },
  {
    id: 'marcus',
    name: 'Marcus',
    gender: 'male',
    description: 'Calm and confident, buzz cut, trimmed beard, sage knit',
    skin: skin('#8a5a3c', '#6a412a', '#a8775a', '#9a5a48', '#84473c'),
    hair: { style: 'buzz', color: '#1d1613', highlight: '#4a3a32' },
    eyes: { iris: '#3b2418' },
    brows: { color: '#1d1411', thickness: 0.8, arch: 0.25 },
    outfit: { style: 'knit', primary: '#7d8f6e', secondary: '#66775a' },
    facialHair: { style: 'beard', color: '#1d1613' },
  },
  {
    id: 'mei',
    name: 'Mei',
    gender: 'female',
    description: 'Precise and friendly, top bun, round glasses, crisp white shirt',
    skin: skin('#f3d2b5', '#dcae8c', '#fde7d4', '#f0a497', '#cf7d76'),
    hair: { style: 'bun', color: '#1b1716', highlight: '#544845' },
    eyes: { iris: '#3a2a22' },
    brows: { color: '#231b18', thickness: 0.5, arch: 0.4 },
    outfit: { style: 'shirt', primary: '#f7f7f4', secondary: '#d9d6cf' },
    glasses: { frame: '#2b2523', shape: 'round' },
    earrings: { kind: 'stud', color: '#ece6dc' },
    lipTint: 0.3,
  },
  {
    id: 'diego',
    name: 'Diego',
    gender: 'male',
    description: 'Easygoing, textured dark hair, stubble, charcoal hoodie',
    skin: skin('#d7a077', '#b67c55', '#ecbc97', '#d88a70', '#a9644f'),
    hair: { style: 'textured', color: '#2a1c16', highlight: '#654737' },
    eyes: { iris: '#4a2f1d' },
    brows: { color: '#241812', thickness: 0.75, arch: 0.3 },
    outfit: { style: 'hoodie', primary: '#3b3f46', secondary: '#e9e6df' },
    facialHair: { style: 'stubble', color: '#2a1c16' },
  },
  {
    id: 'amara',
    name: 'Amara',
    gender: 'female',
    description: 'Bright and expressive, big natural curls, mustard knit',
    skin: skin('#6f452f', '#52311f', '#8d5e44', '#8d4c3e', '#7d4036'),
    hair: { style: 'curly', color: '#1e1512', highlight: '#5a3f31' },
    eyes: { iris: '#2c1a12' },
    brows: { color: '#1a110e', thickness: 0.6, arch: 0.6 },
    outfit: { style: 'knit', primary: '#d9a23b', secondary: '#c38d2c' },
    earrings: { kind: 'hoop', color: '#e0bb63' },
    lipTint: 0.2,
  },
  {
    id: 'leo',
    name: 'Leo',
    gender: 'male',
    description: 'Thoughtful, ginger side part, glasses, oxford blue shirt',
    skin: skin('#f5d0bb', '#e0a98f', '#fde4d6', '#f09a8c', '#cf8478'),
    hair: { style: 'short', color: '#b0562b', highlight: '#d77c47' },
    eyes: { iris: '#4f7a95' },
    brows: { color: '#94492a', thickness: 0.6, arch: 0.3 },
    outfit: { style: 'shirt', primary: '#a9c3e0', secondary: '#8aa6c6' },
    glasses: { frame: '#3a3330', shape: 'rect' },
  },
  {
    id: 'priya',
    name: 'Priya',
    gender: 'female',
    description: 'Polished and clear, long sleek hair, terracotta turtleneck',
    skin: skin('#c48a62', '#a26b48', '#dcaa83', '#c7705d', '#9c5448'),
    hair: { style: 'straight', color: '#17110f', highlight: '#54423a' },
    eyes: { iris: '#3a2417' },
    brows: { color: '#1c130f', thickness: 0.65, arch: 0.65 },
    outfit: { style: 'turtleneck', primary: '#b8553a', secondary: '#a34a31' },
    earrings: { kind: 'stud', color: '#e1c06e' },
    lipTint: 0.3,
  },
  {
    id: 'kenji',
    name: 'Kenji',
    gender: 'male',
    description: 'Relaxed creator vibe, black fringe, grey blazer over a white tee',
    skin: skin('#e8c09c', '#cc9a74', '#f6d8bd', '#e39c86', '#b97462'),
    hair: { style: 'fringe', color: '#161312', highlight: '#524b47' },
    eyes: { iris: '#2d211b' },
    brows: { color: '#151110', thickness: 0.7, arch: 0.2 },
    outfit: { style: 'blazer', primary: '#5a5f66', secondary: '#f5f3ef' },
  },
  {
    id: 'nora',
    name: 'Nora',
    gender: 'female',
    description: 'Crisp and witty, auburn bob with a fringe, cream tee',
    skin: skin('#f6d6c4', '#e3ab95', '#fee9dd', '#f1998c', '#d07a76'),
    hair: { style: 'bob', color: '#8e3b21', highlight: '#b85a33' },
    eyes: { iris: '#5d7b4f' },
    brows: { color: '#7a341e', thickness: 0.5, arch: 0.55 },
    outfit: { style: 'tee', primary: '#efe6d8', secondary: '#d8ccba' },
    earrings: { kind: 'stud', color: '#d9b45f' },
    lipTint: 0.4,
  },
  {
    id: 'sofia',
    name: 'Sofía',
    gender: 'female',
    description: 'Energetic, dark ponytail, teal hoodie',
    skin: skin('#dcae86', '#bf8962', '#f0c9a5', '#de8e76', '#b5685a'),
    hair: { style: 'ponytail', color: '#2c1b14', highlight: '#5a3a2a' },
    eyes: { iris: '#4e331f' },
    brows: { color: '#2a1a12', thickness: 0.6, arch: 0.6 },
    outfit: { style: 'hoodie', primary: '#2f7f86', secondary: '#f2efe8' },
    earrings: { kind: 'hoop', color: '#d8b15a' },
    lipTint: 0.3,
  },
];

