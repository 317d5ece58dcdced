/**
 * A tiny ONNX model with the Piper/VITS voice contract (inputs `input` int64 [1,N],
 * `input_lengths` int64 [1], `scales` float [3]; output `output` float [1,1,1,T] at 22.05 kHz),
 * for tests and the benchmark: each phoneme id becomes HOP samples of a tone whose pitch
 * follows the id, so the audio length follows the phonemes as a real voice's does and the
 * engine around it (phonemizer, ids, session, timings) runs for real. The sound is not speech.
 *
 * Deterministic (no clock, no Math.random): the same bytes on every run, so the test catalog of
 * tiny voices (e2e/fixtures/tiny-voices.catalog.json: sizes and MD5s, like the publisher's
 * voices.json) stays valid; a unit test rebuilds it and compares.
 *
 *   npx tsx models/build-piper-tiny.ts            # writes models/.generated/piper-tiny.onnx + .onnx.json
 *   npx tsx models/build-piper-tiny.ts --catalog  # rewrites e2e/fixtures/tiny-voices.catalog.json
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testPhonemeMap } from '../src/voice/piper.ts';
import { encodeModel } from './onnx-proto.ts';

export const TINY_SAMPLE_RATE = 22050;
/** Samples per phoneme id (about 11.6 ms): a 40-phoneme sentence is ~1 s, as real voices. */
export const TINY_HOP = 256;

/**
 * `padBytes` adds an unused initializer of that many pseudo-random bytes (a fixed seed), so a
 * test voice can be as large as a download test needs while it computes the same.
 */
export function buildPiperTiny(opts: { padBytes?: number; locale?: string } = {}): { model: Uint8Array; config: Record<string, unknown> } {
  const ramp = new Float32Array(TINY_HOP);
  for (let k = 0; k < TINY_HOP; k++) ramp[k] = (2 * Math.PI * k) / TINY_HOP;
  const model = encodeModel({
    name: 'piper-tiny',
    nodes: [
      { op: 'Cast', inputs: ['input'], outputs: ['ids_f'], attrs: { to: 1 } },
      { op: 'Reshape', inputs: ['ids_f', 'col_shape'], outputs: ['ids_col'] },
      // [N,1] * [HOP] → [N,HOP]: each id a burst of HOP samples, cycles per burst = id / 8 + 2.
      { op: 'Mul', inputs: ['ids_col', 'eighth'], outputs: ['cycles0'] },
      { op: 'Add', inputs: ['cycles0', 'two'], outputs: ['cycles'] },
      { op: 'Mul', inputs: ['cycles', 'ramp'], outputs: ['phase'] },
      { op: 'Sin', inputs: ['phase'], outputs: ['tone'] },
      { op: 'Mul', inputs: ['tone', 'gain'], outputs: ['loud'] },
      { op: 'Reshape', inputs: ['loud', 'out_shape'], outputs: ['output'] },
    ],
    initializers: [
      { name: 'col_shape', dims: [2], data: BigInt64Array.from([-1n, 1n]) },
      { name: 'out_shape', dims: [4], data: BigInt64Array.from([1n, 1n, 1n, -1n]) },
      { name: 'eighth', dims: [1], data: Float32Array.from([0.125]) },
      { name: 'two', dims: [1], data: Float32Array.from([2]) },
      { name: 'ramp', dims: [TINY_HOP], data: ramp },
      { name: 'gain', dims: [1], data: Float32Array.from([0.3]) },
      ...(opts.padBytes ? [{ name: 'pad', dims: [opts.padBytes >> 2], data: seededFloats(opts.padBytes >> 2) }] : []),
    ],
    inputs: [
      { name: 'input', dims: [1, 'N'], type: 'int64' },
      { name: 'input_lengths', dims: [1], type: 'int64' },
      { name: 'scales', dims: [3] },
    ],
    outputs: [{ name: 'output', dims: [1, 1, 1, 'T'] }],
  }, { opset: 17 });
  const config = {
    audio: { sample_rate: TINY_SAMPLE_RATE },
    espeak: { voice: 'en-us' },
    inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 },
    phoneme_id_map: testPhonemeMap(),
    num_speakers: 1,
    language: { code: opts.locale ?? 'en_US' },
  };
  return { model, config };
}

/** xorshift32 from a fixed seed: the same "random" floats every run. */
function seededFloats(n: number): Float32Array {
  const out = new Float32Array(n);
  let x = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = ((x >>> 0) / 0xffffffff) * 2 - 1;
  }
  return out;
}

const REPO = 'rhasspy/piper-voices';
export const TINY_REVISION = 'v1.0.0';

export interface TinyVoice {
  id: string;
  /** Path in the repository, as the publisher lays it out (<family>/<locale>/<name>/<quality>/…). */
  dir: string;
  key: string;
  name: string;
  locale: string;
  recommended?: boolean;
  padBytes?: number;
}

/**
 * The test catalog's voices: a small one (install, speak, reload, offline), a 3 MB one (a
 * download cut half-way and resumed, a full disk), one the stand-in hub serves damaged.
 */
export const TINY_VOICES: TinyVoice[] = [
  { id: 'piper-en_us-tiny-medium', dir: 'en/en_US/tiny/medium', key: 'en_US-tiny-medium', name: 'Tiny, medium (English, United States)', locale: 'en_US', recommended: true },
  { id: 'piper-en_gb-bulky-medium', dir: 'en/en_GB/bulky/medium', key: 'en_GB-bulky-medium', name: 'Bulky, medium (English, Great Britain)', locale: 'en_GB', padBytes: 3_000_000 },
  { id: 'piper-en_us-broken-medium', dir: 'en/en_US/broken/medium', key: 'en_US-broken-medium', name: 'Broken, medium (English, United States)', locale: 'en_US', padBytes: 4096 },
];

function modelCard(v: TinyVoice): string {
  return `# Model card for ${v.key.split('-')[1]} (medium)\n\n* Language: ${v.locale}\n* Speakers: 1\n* Quality: medium\n* Samplerate: 22,050Hz\n\n## Dataset\n\n* URL: http://127.0.0.1/tiny-voices\n* License: CC0 1.0 (test tones, not speech)\n\n## Training\n\nGenerated by models/build-piper-tiny.ts.\n`;
}

/** Every file of every tiny voice, by its path in the repository. */
export function tinyVoiceFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const v of TINY_VOICES) {
    const { model, config } = buildPiperTiny({ ...(v.padBytes ? { padBytes: v.padBytes } : {}), locale: v.locale });
    files.set(`${v.dir}/${v.key}.onnx`, model);
    files.set(`${v.dir}/${v.key}.onnx.json`, new TextEncoder().encode(JSON.stringify(config, null, 2)));
    files.set(`${v.dir}/MODEL_CARD`, new TextEncoder().encode(modelCard(v)));
  }
  return files;
}

/** The test catalog, in the shipped catalog's shape (URLs on huggingface.co, pinned; the build's hub replaces the host). */
export function tinyCatalog(): Record<string, unknown> {
  const files = tinyVoiceFiles();
  const ref = (path: string): { url: string; bytes: number; md5: string } => {
    const b = files.get(path)!;
    return { url: `https://huggingface.co/${REPO}/resolve/${TINY_REVISION}/${path}`, bytes: b.byteLength, md5: createHash('md5').update(b).digest('hex') };
  };
  return {
    version: 1,
    source: 'models/build-piper-tiny.ts (test voices for the local hub stand-in, e2e/lib/hub.ts)',
    models: TINY_VOICES.map((v) => {
      const model = ref(`${v.dir}/${v.key}.onnx`);
      return {
        id: v.id,
        task: 'tts',
        name: v.name,
        description: 'Test voice: tones, not speech.',
        url: model.url,
        bytes: model.bytes,
        md5: model.md5,
        licence: 'CC0 1.0',
        commercialUse: true,
        config: ref(`${v.dir}/${v.key}.onnx.json`),
        card: ref(`${v.dir}/MODEL_CARD`),
        voice: { language: 'en', locale: v.locale, quality: 'medium', speakers: 1, ...(v.recommended ? { recommended: true } : {}) },
      };
    }),
  };
}

export const TINY_CATALOG_PATH = 'e2e/fixtures/tiny-voices.catalog.json';
export const tinyCatalogText = (): string => `${JSON.stringify(tinyCatalog(), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--catalog')) {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', TINY_CATALOG_PATH);
  writeFileSync(path, tinyCatalogText());
  console.log(`wrote ${path}`);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '.generated');
  mkdirSync(out, { recursive: true });
  const { model, config } = buildPiperTiny();
  writeFileSync(join(out, 'piper-tiny.onnx'), model);
  writeFileSync(join(out, 'piper-tiny.onnx.json'), JSON.stringify(config, null, 2));
  console.log(`wrote ${join(out, 'piper-tiny.onnx')} (${model.length} bytes)`);
}
