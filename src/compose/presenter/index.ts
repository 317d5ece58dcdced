export { BUILTIN_PRESENTERS, presenterById } from './catalog.ts';
export type {
  AgeLook, ArtStyle, Background, BackgroundKind, FaceShape, HairStyle, OutfitCategory, OutfitStyle, Pose, PresenterLook, SkinTone,
} from './looks.ts';
export { blinkAt, gestureAt, hash01, presenterStateAt } from './motion.ts';
export type { GestureKey, GestureKind, GestureState, PresenterState } from './motion.ts';
export { clearPresenterCache, drawPresenter, groundOf, mouthRegion, unitPoint, UNIT_H, UNIT_W } from './draw.ts';
export type { DrawOptions, PresenterBox } from './draw.ts';
