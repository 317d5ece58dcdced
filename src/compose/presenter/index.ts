export { BUILTIN_PRESENTERS, presenterById } from './looks.ts';
export type { HairStyle, OutfitStyle, PresenterLook, SkinTone } from './looks.ts';
export { blinkAt, hash01, presenterStateAt } from './motion.ts';
export type { PresenterState } from './motion.ts';
export { clearPresenterCache, drawPresenter, mouthRegion, UNIT_H, UNIT_W } from './draw.ts';
export type { PresenterBox } from './draw.ts';
