/**
 * Draws the example product's photos (a stainless bottle, studio-lit) as SVG and rasterises
 * them in headless Chromium, so the example needs no third-party images.
 *   npx tsx scripts/make-example-images.ts
 */
import { writeFileSync } from 'node:fs';
import { launchChromium } from './lib/chromium.ts';

function bottle(x: number, y: number, s: number, body: [string, string, string], cap: string, tilt = 0): string {
  const id = `b${Math.round(x)}${Math.round(y)}`;
  return `
  <g transform="translate(${x} ${y}) rotate(${tilt}) scale(${s})">
    <defs>
      <linearGradient id="${id}body" x1="0" x2="1">
        <stop offset="0" stop-color="${body[0]}"/><stop offset="0.28" stop-color="${body[1]}"/>
        <stop offset="0.55" stop-color="${body[2]}"/><stop offset="1" stop-color="${body[0]}"/>
      </linearGradient>
      <linearGradient id="${id}steel" x1="0" x2="1">
        <stop offset="0" stop-color="#8e959e"/><stop offset="0.3" stop-color="#f4f6f8"/>
        <stop offset="0.6" stop-color="#c3c8cf"/><stop offset="1" stop-color="#7d848d"/>
      </linearGradient>
      <linearGradient id="${id}cap" x1="0" x2="1">
        <stop offset="0" stop-color="${cap}" stop-opacity="0.85"/><stop offset="0.35" stop-color="#ffffff" stop-opacity="0.35"/>
        <stop offset="0.6" stop-color="${cap}"/><stop offset="1" stop-color="${cap}" stop-opacity="0.8"/>
      </linearGradient>
    </defs>
    <ellipse cx="0" cy="5" rx="120" ry="22" fill="#000" opacity="0.18" filter="url(#soft)"/>
    <path d="M-100 -40 Q-100 0 -60 0 L60 0 Q100 0 100 -40 L100 -520 Q100 -590 60 -620 L-60 -620 Q-100 -590 -100 -520 Z" fill="url(#${id}body)"/>
    <rect x="-62" y="-650" width="124" height="34" rx="6" fill="url(#${id}steel)"/>
    <path d="M-70 -650 L-70 -720 Q-70 -745 -45 -745 L45 -745 Q70 -745 70 -720 L70 -650 Z" fill="url(#${id}cap)"/>
    <path d="M-30 -745 Q-30 -800 0 -800 Q30 -800 30 -745" fill="none" stroke="${cap}" stroke-width="16" stroke-linecap="round"/>
    <rect x="-62" y="-560" width="18" height="470" rx="9" fill="#fff" opacity="0.22"/>
    <text x="0" y="-300" font-family="Inter, Liberation Sans, sans-serif" font-weight="800" font-size="34" fill="#ffffff" fill-opacity="0.9" text-anchor="middle" letter-spacing="6">AURORA</text>
  </g>`;
}

const svg = (w: number, h: number, bg: [string, string], floor: string, content: string) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${bg[0]}"/><stop offset="1" stop-color="${bg[1]}"/></linearGradient>
    <radialGradient id="light" cx="0.35" cy="0.25" r="0.7"><stop offset="0" stop-color="#fff" stop-opacity="0.55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
    <filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="14"/></filter>
  </defs>
  <rect width="${w}" height="${h}" fill="url(#bg)"/>
  <rect width="${w}" height="${h}" fill="url(#light)"/>
  <path d="M0 ${h * 0.72} Q${w / 2} ${h * 0.68} ${w} ${h * 0.72} L${w} ${h} L0 ${h} Z" fill="${floor}"/>
  ${content}
</svg>`;

const images: Array<[string, string]> = [
  ['bottle-hero.jpg', svg(1200, 1200, ['#ffd9c7', '#f7b9a1'], '#f2a88d', bottle(600, 1010, 1.05, ['#0f5c63', '#3fb7b0', '#1b8a8c'], '#e9eef0'))],
  ['bottle-colours.jpg', svg(1200, 1200, ['#e6ecff', '#c6d2fb'], '#b4c2f4',
    bottle(330, 980, 0.82, ['#7a1f3d', '#e0577f', '#b33561'], '#f3e9ec') + bottle(600, 1010, 0.92, ['#0f5c63', '#3fb7b0', '#1b8a8c'], '#e9eef0') + bottle(870, 980, 0.82, ['#1d1f2b', '#5b6070', '#343846'], '#d9dbe2'))],
  ['bottle-outdoors.jpg', svg(1200, 1500, ['#cfeedd', '#9fd6bd'], '#7fc2a5',
    `<circle cx="930" cy="300" r="120" fill="#fff6d8" opacity="0.9"/><path d="M0 1000 Q300 820 620 960 T1200 900 L1200 1500 L0 1500 Z" fill="#6db394"/>` + bottle(560, 1330, 1.1, ['#e07b12', '#ffc36b', '#f29a2e'], '#fff3e0', -6))],
];

const browser = await launchChromium();
const page = await browser.newPage();
for (const [name, markup] of images) {
  const m = /width="(\d+)" height="(\d+)"/.exec(markup)!;
  await page.setViewportSize({ width: Number(m[1]), height: Number(m[2]) });
  await page.setContent(`<html><body style="margin:0">${markup}</body></html>`);
  const buf = await page.screenshot({ type: 'jpeg', quality: 88 });
  writeFileSync(new URL(`../examples/${name}`, import.meta.url), buf);
  console.log(`examples/${name}: ${buf.length} bytes`);
}
await browser.close();
