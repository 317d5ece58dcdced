/**
 * A shop page embedding the talkreel widget with the host SDK, and driving its job API.
 * Serve this folder's parent (examples/) and the SDK at /sdk/ (npm run example:host does both);
 * `?widget=<url of embed.html>` points it at a talkreel deployment.
 */
import { createTalkreel } from '/sdk/talkreel-sdk.js';

const params = new URLSearchParams(location.search);
const widgetUrl = params.get('widget') ?? 'http://127.0.0.1:4173/embed.html';
const $ = (id) => document.getElementById(id);

const events = [];
const talkreel = createTalkreel($('talkreel'), {
  url: widgetUrl,
  height: '1000px',
  onJob: (job) => {
    events.push(job);
    show(job);
  },
  onError: (err) => log(`error ${err.code}: ${err.message}`),
});

// Everything shown comes from the widget as data: it is set as text, never as HTML.
function log(text) {
  const li = document.createElement('li');
  li.textContent = text;
  $('log').prepend(li);
}

let current = null;
const lastStatus = new Map();
function show(job) {
  current = job;
  const pct = Math.round(job.progress * 100);
  const done = job.status === 'video_generated' || job.status === 'failed';
  const eta = done || job.eta_seconds === null ? '' : ` · ~${Math.round(job.eta_seconds)} s left`;
  // Every event updates the summary; the log keeps the status changes.
  if (lastStatus.get(job.id) !== job.status) {
    lastStatus.set(job.id, job.status);
    log(`${job.id} → ${job.status} (${pct}%)${job.failed_reason ? ` — ${job.failed_reason}` : ''}`);
  }
  $('summary').textContent = `${job.product_name ?? job.id}: ${job.status} · ${pct}%${eta}`;
  $('cancel').disabled = job.status === 'video_generated' || job.status === 'failed';
  $('download').disabled = job.status !== 'video_generated';
}

talkreel.ready.then(
  (info) => {
    $('conn').textContent = `v${info.version} · ${info.capabilities.cross_origin_isolated ? 'isolated' : 'single-threaded'}`;
    $('conn').classList.add('ok');
  },
  (err) => {
    $('conn').textContent = 'not connected';
    log(err.message);
  },
);

/** The product on this page, with images fetched here and handed over as Blobs. */
async function product() {
  const images = await Promise.all(['../bottle-hero.jpg', '../bottle-colours.jpg', '../bottle-outdoors.jpg'].map(async (u) => (await fetch(u)).blob()));
  return {
    name: $('product-name').textContent,
    price: $('product-price').textContent,
    brand: 'Northwind',
    description: $('product-description').textContent,
    images,
  };
}

async function make(type) {
  try {
    const job = await talkreel.createJob({ type, aspect_ratio: '9x16', duration: 15, product: await product(), video_prompt: 'upbeat, warm and friendly' });
    log(`created ${job.id} (${job.type})`);
  } catch (err) {
    log(`create failed: ${err.message}`);
  }
}

$('make-avatar').addEventListener('click', () => void make('product_avatar'));
$('make-anyshot').addEventListener('click', () => void make('product_anyshot'));
$('cancel').addEventListener('click', () => current && void talkreel.cancelJob(current.id));
$('list-avatars').addEventListener('click', async () => {
  const avatars = await talkreel.listAvatars();
  log(`avatars: ${avatars.map((a) => a.id).join(', ')}`);
});
$('download').addEventListener('click', async () => {
  if (!current) return;
  const { bytes, mime } = await talkreel.getVideo(current.id);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
  a.download = `${current.id}.mp4`;
  a.click();
});

// For the browser console (and the end-to-end test).
window.talkreelHost = { client: talkreel, events, product };
