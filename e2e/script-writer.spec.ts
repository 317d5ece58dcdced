/**
 * The optional local-model script writer, end to end in the app: a fake OpenAI-compatible server
 * on 127.0.0.1 (standing in for the user's own Ollama / LM Studio) answers with one good script
 * and one that invents a discount. The good one is offered first, marked as the model's; the bad
 * one is dropped with a notice; templates fill in the rest. Off again, nothing is requested.
 */
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { chatReply, startFakeLlm, type FakeLlm } from '../scripts/lib/fake-llm.ts';

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

const REPLY = {
  options: [
    {
      style: 'problem-solution',
      title: 'Warm water, begone',
      segments: [
        { text: 'Warm water on a hot day? Not anymore.', scene: 'presenter' },
        { text: 'The Aurora Insulated Bottle keeps drinks ice cold for 24 hours or hot for 12.', scene: 'product' },
        { text: 'Its leak-proof cap has a carry loop, and the wide mouth fits ice cubes.', scene: 'product' },
        { text: 'Tap the link and grab yours.', scene: 'cta' },
      ],
    },
    {
      style: 'offer-value',
      segments: [
        { text: 'The Aurora Insulated Bottle, now 40% off!', scene: 'presenter' },
        { text: 'Tap the link.', scene: 'cta' },
      ],
    },
  ],
};

let llm: FakeLlm;
let url = '';
const requests: string[] = [];

test.beforeAll(async () => {
  llm = await startFakeLlm({ cors: true });
  llm.reply = (call, res) => {
    requests.push(JSON.stringify(call.body));
    chatReply(JSON.stringify(REPLY))(call, res);
  };
  url = llm.base;
});
test.afterAll(() => llm.close());

test('a local model writes scripts when enabled; the templates fill in and stand alone when it is off', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('product-name').fill('Aurora Insulated Bottle');
  await page.getByTestId('product-price').fill('$34');
  await page.getByTestId('product-description').fill('A double-wall stainless steel bottle that keeps drinks ice cold for 24 hours or hot for 12.');
  await page.getByTestId('product-features').fill('Leak-proof cap with carry loop\nWide mouth fits ice cubes');
  await page.getByTestId('image-input').setInputFiles([example('bottle-hero.jpg'), example('bottle-colours.jpg')]);
  await page.getByRole('radio', { name: '15 s', exact: true }).click();

  const settings = page.getByTestId('writer-settings');
  await settings.locator('summary').click();
  // Another machine is refused unless allowed.
  await page.getByTestId('writer-url').fill('https://api.example.com/v1');
  await page.getByTestId('writer-url').press('Tab');
  await expect(settings.getByRole('alert')).toContainText('is not this computer');
  await page.getByTestId('writer-url').fill(url);
  await page.getByTestId('writer-url').press('Tab');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await page.getByTestId('writer-model').fill('tiny');
  await page.getByTestId('writer-model').press('Tab');
  await page.getByTestId('writer-enabled').check();
  await expect(settings.locator('summary')).toContainText('Local model: tiny');

  await page.getByTestId('generate-scripts').click();
  const options = page.getByTestId('script-option');
  await expect(options.first()).toContainText('Warm water, begone');
  await expect(options.first()).toContainText('local model');
  await expect(page.getByTestId('script-notice')).toContainText('left out');
  expect(await options.count()).toBeGreaterThanOrEqual(4);
  expect((await options.allInnerTexts()).join(' ')).not.toMatch(/40%/);
  expect(requests).toHaveLength(1);
  const sent = JSON.parse(requests[0]!) as { model: string; messages: Array<{ content: string }> };
  expect(sent.model).toBe('tiny');
  expect(sent.messages[1]!.content).toContain('Leak-proof cap with carry loop');
  await expect(page.getByText('Timing each option with the real voice…')).toHaveCount(0, { timeout: 60_000 });
  await expect(options.first()).toContainText(/s voiced/);

  // The setting survives a reload; switched off, scripts come from the templates and nothing is sent.
  await page.reload();
  await page.getByTestId('writer-settings').locator('summary').click();
  await expect(page.getByTestId('writer-enabled')).toBeChecked();
  await page.getByTestId('writer-enabled').uncheck();
  await page.getByTestId('generate-scripts').click();
  await expect(page.getByTestId('script-option').first()).not.toContainText('local model');
  expect(requests).toHaveLength(1);
});
