/**
 * Two tabs on one project (issue 19): one edits, the other shows it read-only until it takes
 * over. What is saved is read straight from IndexedDB with the browser's own API, not through
 * the app's storage code, so the check does not trust the code it checks.
 */
import { expect, test, type Page } from '@playwright/test';
import { example } from './flow.ts';

interface Stored {
  projects: Array<{ id: string; name: string; brand?: string; images: string[] }>;
  media: string[];
  /** Stored files no project refers to (images, product video, music). */
  orphans: string[];
  /** Pictures a project lists whose file is missing. */
  missing: string[];
}

function stored(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('talkreel');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = <T,>(store: string) => new Promise<T[]>((resolve, reject) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result as T[]);
      r.onerror = () => reject(r.error);
    });
    type P = { id: string; name: string; product: { brand?: string; images: Array<{ id: string }>; video?: { id: string } }; creative?: { edits?: { music?: { mediaId: string } } } };
    const projects = await all<P>('projects');
    const media = (await all<{ id: string }>('media')).map((m) => m.id);
    db.close();
    const referenced = new Set(projects.flatMap((p) => [...p.product.images.map((i) => i.id), ...(p.product.video ? [p.product.video.id] : []), ...(p.creative?.edits?.music ? [p.creative.edits.music.mediaId] : [])]));
    return {
      projects: projects.map((p) => ({ id: p.id, name: p.name, ...(p.product.brand ? { brand: p.product.brand } : {}), images: p.product.images.map((i) => i.id) })),
      media,
      orphans: media.filter((id) => !referenced.has(id)),
      missing: [...referenced].filter((id) => !media.includes(id)),
    };
  });
}

/** What a script (or a stale tab) would do: change the field without the UI letting it. */
async function forceValue(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

test('two tabs on one project: the second is read-only until it takes over; no edit lost, no file orphaned', async ({ context }) => {
  const a = await context.newPage();
  await a.goto('/');
  await a.getByTestId('product-name').fill('Alpha Kettle');
  await a.getByTestId('image-input').setInputFiles([example('bottle-hero.jpg')]);
  await expect(a.getByTestId('image-thumb')).toHaveCount(1);
  await expect.poll(async () => (await stored(a)).projects[0]?.name).toBe('Alpha Kettle');
  await expect(a.getByTestId('read-only-banner')).toBeHidden();

  // Tab B opens the same project: shown, but read-only.
  const b = await context.newPage();
  await b.goto('/');
  await expect(b.getByTestId('read-only-banner')).toBeVisible();
  await expect(b.getByTestId('read-only-banner')).toContainText('open in another tab');
  await expect(b.getByTestId('product-name')).toHaveValue('Alpha Kettle');
  await expect(b.getByTestId('image-thumb')).toHaveCount(1);
  await expect(b.getByTestId('create-screen')).toHaveAttribute('inert', '');

  // A adds a picture; B, with its stale copy, tries to edit at the same moment: refused.
  await a.getByTestId('image-input').setInputFiles([example('bottle-colours.jpg')]);
  await forceValue(b, 'product-name', 'Stale B');
  await expect(a.getByTestId('image-thumb')).toHaveCount(2);
  await a.getByTestId('product-brand').fill('Northwind');
  // B follows A's saves.
  await expect(b.getByTestId('product-brand')).toHaveValue('Northwind');
  await expect(b.getByTestId('image-thumb')).toHaveCount(2);
  await b.waitForTimeout(500);
  // The read-only tab did not even try to save (a refused save would show an error here).
  await expect(b.getByTestId('save-error')).toHaveCount(0);
  let s = await stored(a);
  expect(s.projects).toHaveLength(1);
  expect(s.projects[0]).toMatchObject({ name: 'Alpha Kettle', brand: 'Northwind' });
  expect(s.projects[0]!.images).toHaveLength(2);

  // B takes over: A turns read-only and shows what is saved; B starts from A's last edit.
  await b.getByTestId('edit-here').click();
  await expect(b.getByTestId('read-only-banner')).toBeHidden();
  await expect(a.getByTestId('read-only-banner')).toBeVisible();
  await expect(a.getByTestId('read-only-banner')).toContainText('now being edited in another tab');
  await expect(a.getByTestId('create-screen')).toHaveAttribute('inert', '');
  await expect(b.getByTestId('product-name')).toHaveValue('Alpha Kettle');
  await expect(b.getByTestId('product-brand')).toHaveValue('Northwind');

  // Now A is the stale one: its edit is not saved, and a picture it tries to store is refused
  // by the database itself (the file input is not behind the inert form).
  await forceValue(a, 'product-name', 'Stale A');
  await a.getByTestId('image-input').setInputFiles([example('bottle-outdoors.jpg')]);
  await expect(a.getByTestId('upload-error')).toContainText('being edited in another tab');

  await b.getByTestId('product-name').fill('Beta Kettle');
  await b.getByTestId('image-input').setInputFiles([example('bottle-outdoors.jpg')]);
  await expect(b.getByTestId('image-thumb')).toHaveCount(3);
  await expect(a.getByTestId('product-name')).toHaveValue('Beta Kettle');
  await expect(a.getByTestId('image-thumb')).toHaveCount(3);

  await b.waitForTimeout(500);
  s = await stored(b);
  expect(s.projects).toHaveLength(1);
  expect(s.projects[0]).toMatchObject({ name: 'Beta Kettle', brand: 'Northwind' });
  expect(s.projects[0]!.images).toHaveLength(3);
  expect(s.media).toHaveLength(3);
  expect(s.orphans).toEqual([]);
  expect(s.missing).toEqual([]);

  await a.screenshot({ path: test.info().outputPath('tab-a-read-only.png') });
  await b.screenshot({ path: test.info().outputPath('tab-b-editing.png') });

  // A file orphaned by an older version (an hour old, referenced by nothing) is deleted by the
  // next tab that edits; the referenced ones stay.
  await b.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('talkreel');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('media', 'readwrite');
      tx.objectStore('media').put({ id: 'img_orphan', projectId: 'gone', name: 'old.png', mime: 'image/png', width: 1, height: 1, size: 1, blob: new Blob(['x']), createdAt: Date.now() - 3_600_000 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  expect((await stored(b)).orphans).toEqual(['img_orphan']);
  await a.close();
  await b.close();
  const c = await context.newPage();
  await c.goto('/');
  await expect(c.getByTestId('product-name')).toHaveValue('Beta Kettle');
  await expect(c.getByTestId('read-only-banner')).toBeHidden();
  await expect.poll(async () => (await stored(c)).orphans).toEqual([]);
  expect((await stored(c)).media).toHaveLength(3);
});
