/**
 * Top-level screens, addressed by the URL hash (#/avatars …) so a reload or a shared link
 * opens the same screen. The Create screen stays mounted while hidden: its preview worker
 * and unsaved edits survive a look at another screen.
 */
export const SCREENS = [
  { id: 'create', label: 'Create' },
  { id: 'avatars', label: 'Avatars' },
  { id: 'voices', label: 'Voices' },
  { id: 'tasks', label: 'Tasks' },
  { id: 'assets', label: 'My Assets' },
  { id: 'models', label: 'Models' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

function fromHash(hash: string): ScreenId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return SCREENS.some((s) => s.id === id) ? (id as ScreenId) : 'create';
}

export class Router {
  screen = $state<ScreenId>(typeof location === 'undefined' ? 'create' : fromHash(location.hash));

  start(): () => void {
    const onHash = () => (this.screen = fromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }

  go(screen: ScreenId): void {
    this.screen = screen;
    const hash = screen === 'create' ? '' : `#/${screen}`;
    if (location.hash !== hash) history.pushState(null, '', hash || location.pathname + location.search);
  }
}
