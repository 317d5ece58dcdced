/**
 * TTS benchmark (issue 5): real-time factor (synthesis seconds per second of speech; below 1
 * is faster than real time) of the built-in espeak-ng voice in the app's TTS worker in
 * headless Chromium, per language, after one warm-up call (the one-off voice-data load is
 * reported on its own), and of the same engine in Node for reference; and the neural engine
 * with a tiny Piper-contract model (engine overhead) and a Piper-medium-sized random-weight model.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { buildPiperTiny } from '../../models/build-piper-tiny.ts';
import { buildPiperVits } from '../../models/build-piper-vits.ts';
import { synthesize } from '../../workers/tts/espeak-engine.ts';

const TEXTS: Record<string, { voice: string; text: string }> = {
  en: { voice: 'en-us-f', text: 'Meet the bottle that keeps your water cold all day and your coffee hot all morning. It is made of double-walled steel, weighs less than a paperback, and fits every cup holder. Three colours, one fair price. Order yours today and feel the difference from the very first sip.' },
  es: { voice: 'es-es-m', text: 'Conoce la botella que mantiene tu agua fría todo el día y tu café caliente toda la mañana. Es de acero de doble pared, pesa menos que un libro y cabe en cualquier portavasos. Pide la tuya hoy.' },
  zh: { voice: 'zh-cn-f', text: '这款保温瓶让你的水全天保持冰凉，咖啡整个上午保持温热。双层不锈钢，重量比一本书还轻，适合任何杯架。三种颜色，一个价格。今天就下单吧。' },
  ar: { voice: 'ar-m', text: 'تَعَرَّفْ عَلَى الزُّجَاجَةِ الَّتِي تُبْقِي مَاءَكَ بَارِدًا طَوَالَ اليَوْمِ وَقَهْوَتَكَ سَاخِنَةً طَوَالَ الصَّبَاحِ. اُطْلُبْهَا اليَوْمَ.' },
};

export interface TtsBench {
  browser_first_call_ms: number;
  browser: Record<string, { speech_seconds: number; synth_seconds: number; real_time_factor: number }>;
  node_en: { speech_seconds: number; synth_seconds: number; real_time_factor: number };
  /** The tiny generated Piper-contract model (models/build-piper-tiny.ts) in the worker via onnxruntime-web. */
  neural_tiny_piper: { speech_seconds: number; synth_seconds: number; real_time_factor: number; note: string };
  /** A Piper-medium-sized VITS graph with random weights (models/build-piper-vits.ts) on WASM, 1 and 2 threads. */
  neural_piper_medium: {
    model_bytes: number;
    parameters: number;
    cross_origin_isolated: boolean;
    wasm: Record<string, { threads_used: number; backend: string; speech_seconds: number; load_ms: number; synth_seconds: number; real_time_factor: number }>;
    note: string;
  };
}

/**
 * The neural voice at a real Piper medium voice's size and compute, WASM with 1 and 2 threads
 * (a fresh TTS worker each: the thread pool is fixed when a worker's runtime starts). The
 * model goes in through a file input: a 60 MB routed body is slow to hand to the page.
 */
async function mediumBench(page: Page, text: string, log: (s: string) => void): Promise<TtsBench['neural_piper_medium']> {
  const dir = fileURLToPath(new URL('../../models/.generated/', import.meta.url));
  const file = join(dir, 'piper-vits-medium.onnx');
  const built = buildPiperVits();
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, built.model);
  }
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-voice-model';
    document.body.append(input);
  });
  await page.setInputFiles('#bench-voice-model', file);
  const isolated = await page.evaluate(() => crossOriginIsolated);
  const wasm: TtsBench['neural_piper_medium']['wasm'] = {};
  for (const threads of [1, 2]) {
    log(`TTS neural (Piper-medium-sized VITS, random weights): WASM ${threads} thread(s)…`);
    const r = await page.evaluate((o) => window.talkreel.neuralVoiceSpeed(o), { modelUrl: 'input:#bench-voice-model', config: built.config, text, threads, runs: 2 });
    wasm[`threads_${threads}`] = {
      threads_used: r.threads, backend: r.backend, speech_seconds: Number(r.speechSeconds.toFixed(2)), load_ms: Math.round(r.loadMs),
      synth_seconds: Number((r.bestMs / 1000).toFixed(3)), real_time_factor: Number(r.realTimeFactor.toFixed(3)),
    };
    log(`TTS neural medium, ${r.backend} x${r.threads}: ${r.speechSeconds.toFixed(1)} s of speech in ${(r.bestMs / 1000).toFixed(2)} s (RTF ${r.realTimeFactor.toFixed(3)})`);
  }
  return {
    model_bytes: built.model.length,
    parameters: built.params,
    cross_origin_isolated: isolated,
    wasm,
    note: 'RANDOM weights in a Piper medium VITS graph (text encoder 6x192, 4 WaveNet coupling flows, HiFi-GAN ResBlock2 decoder 256ch, upsampling 8-8-4): the size and per-frame compute of a real medium voice, its sound is noise; each phoneme id is held 4 frames (1024 samples). Time is the whole engine call (espeak phonemes, model, espeak reference rendering and DTW alignment), best of two after a warm-up.',
  };
}

/** Real-time factor of the neural engine with the tiny Piper-contract model (best of three after loading). */
async function neuralBench(page: Page, text: string, log: (s: string) => void): Promise<TtsBench['neural_tiny_piper']> {
  const { model, config } = buildPiperTiny();
  const args = [Array.from(model), config, text] as const;
  await page.evaluate(([m, c, t]) => window.talkreel.voice.neuralSpeak(m as number[], c, t as string), args);
  let best = Infinity;
  let seconds = 0;
  for (let i = 0; i < 3; i++) {
    const s = await page.evaluate(([m, c, t]) => window.talkreel.voice.neuralSpeak(m as number[], c, t as string), args);
    best = Math.min(best, s.ms / 1000);
    seconds = s.duration;
  }
  log(`TTS neural (tiny Piper model): ${seconds.toFixed(1)} s in ${best.toFixed(3)} s`);
  return {
    speech_seconds: Number(seconds.toFixed(2)), synth_seconds: Number(best.toFixed(3)), real_time_factor: Number((best / seconds).toFixed(4)),
    note: 'engine overhead (espeak phonemes + timings, ids, session run) with a trivial graph; a real Piper voice adds its network',
  };
}

export async function ttsBench(browser: Browser, serverUrl: string, log: (s: string) => void): Promise<TtsBench> {
  const page = await browser.newPage();
  try {
    await page.goto(`${serverUrl}/headless.html`);
    await page.waitForFunction(() => window.talkreel?.ready);
    log('TTS: first call (loads the 24 MB voice data)…');
    const t0 = performance.now();
    await page.evaluate(() => window.talkreel.voice.speak('Hello.', 'en-us-f'));
    const first = performance.now() - t0;
    const out: TtsBench['browser'] = {};
    for (const [lang, { voice, text }] of Object.entries(TEXTS)) {
      // Best of three: the machine is shared, the minimum is the engine's own speed.
      let best = Infinity;
      let seconds = 0;
      for (let i = 0; i < 3; i++) {
        const s = await page.evaluate(([t, v]) => window.talkreel.voice.speak(t!, v!), [text, voice]);
        best = Math.min(best, s.ms / 1000);
        seconds = s.duration;
      }
      out[lang] = { speech_seconds: Number(seconds.toFixed(2)), synth_seconds: Number(best.toFixed(3)), real_time_factor: Number((best / seconds).toFixed(4)) };
      log(`TTS ${lang}: ${seconds.toFixed(1)} s of speech in ${best.toFixed(3)} s (RTF ${(best / seconds).toFixed(4)})`);
    }
    await synthesize({ text: 'Hello.', voice: 'en-us+f3' });
    let nodeBest = Infinity;
    let nodeSeconds = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const s = await synthesize({ text: TEXTS.en!.text, voice: 'en-us+f3' });
      nodeBest = Math.min(nodeBest, (performance.now() - t) / 1000);
      nodeSeconds = s.duration;
    }
    return {
      browser_first_call_ms: Math.round(first),
      browser: out,
      node_en: { speech_seconds: Number(nodeSeconds.toFixed(2)), synth_seconds: Number(nodeBest.toFixed(3)), real_time_factor: Number((nodeBest / nodeSeconds).toFixed(4)) },
      neural_tiny_piper: await neuralBench(page, TEXTS.en!.text, log),
      neural_piper_medium: await mediumBench(page, 'Meet the bottle that keeps your water cold all day and your coffee hot all morning. Order yours today.', log),
    };
  } finally {
    await page.close();
  }
}
