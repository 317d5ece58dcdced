/** Shared test data for src/embed tests: presenter looks with just the fields the matcher reads. */
import type { PresenterLook } from '../compose/presenter/index.ts';

const look = (id: string, gender: 'female' | 'male', description: string, extra: Partial<Record<string, unknown>>, outfit: string, hair: string): PresenterLook =>
  ({ id, name: id[0]!.toUpperCase() + id.slice(1), gender, description, outfit: { style: outfit, primary: '#000', secondary: '#fff' }, hair: { style: hair, color: '#000', highlight: '#111' }, ...extra }) as unknown as PresenterLook;

export const LOOKS: readonly PresenterLook[] = [
  look('ava', 'female', 'Warm and upbeat, long wavy hair, navy blazer', { earrings: { kind: 'hoop', color: '#d8b15a' } }, 'blazer', 'long'),
  look('marcus', 'male', 'Calm and confident, buzz cut, trimmed beard, sage knit', { facialHair: { style: 'beard', color: '#111' } }, 'knit', 'buzz'),
  look('mei', 'female', 'Precise and friendly, top bun, round glasses, crisp white shirt', { glasses: { frame: '#222', shape: 'round' } }, 'shirt', 'bun'),
  look('diego', 'male', 'Easygoing, textured dark hair, stubble, charcoal hoodie', { facialHair: { style: 'stubble', color: '#111' } }, 'hoodie', 'textured'),
  look('sofia', 'female', 'Energetic, dark ponytail, teal hoodie', {}, 'hoodie', 'ponytail'),
];
