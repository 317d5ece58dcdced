/**
 * The command line's natural voices: `--voice <catalog id> --models <folder>` finds the
 * voice's files already on disk (the .onnx and its .onnx.json, as the Piper project publishes
 * them), checks them, and hands them to the page. Node only, no browser.
 *
 * Where the files may be, for catalog id X: <folder>/X.onnx, or the file name of X's catalog
 * URL (…/en_US-lessac-medium.onnx); the settings file is the model's name + ".json". When the
 * catalog lists X, the model's size must match it (a cut or wrong download is refused here).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parsePiperConfig, type PiperConfig } from '../../src/voice/piper.ts';

export interface VoiceModelFiles {
  /** The project voice id the app uses for it ("model:<id>"). */
  voiceId: string;
  onnx: string;
  config: PiperConfig;
  bytes: number;
}

interface CatalogRow {
  id: string;
  url?: string;
  bytes?: number;
  files?: Array<{ url?: string; bytes?: number }>;
}

/** The catalog's row for `id`, read loosely (its schema is the Models screen's business). */
function catalogRow(catalogPath: string, id: string): CatalogRow | undefined {
  try {
    const json = JSON.parse(readFileSync(catalogPath, 'utf8')) as { models?: CatalogRow[] };
    return json.models?.find((m) => m?.id === id);
  } catch {
    return undefined;
  }
}

/** Resolves --voice/--models to checked files; returns a sentence for the user when it cannot. */
export function findVoiceModel(folder: string, id: string, catalogPath: string): VoiceModelFiles | { error: string } {
  const dir = resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { error: `--models ${folder} is not a folder` };
  const row = catalogRow(catalogPath, id);
  const urls = [row?.url, ...(row?.files ?? []).map((f) => f.url)].filter((u): u is string => !!u && /\.onnx$/i.test(u));
  const names = [`${id}.onnx`, ...urls.map((u) => decodeURIComponent(basename(new URL(u).pathname)))];
  const onnx = names.map((n) => join(dir, n)).find((p) => existsSync(p));
  if (!onnx) return { error: `no model file for voice "${id}" in ${folder} (looked for ${[...new Set(names)].join(', ')})` };
  const bytes = statSync(onnx).size;
  const expected = row?.bytes ?? row?.files?.find((f) => f.url && basename(new URL(f.url).pathname) === basename(onnx))?.bytes;
  if (expected !== undefined && expected !== bytes) return { error: `${basename(onnx)} is ${bytes} bytes, but the catalog says voice "${id}" is ${expected}: the file is incomplete or a different voice` };
  const head = readFileSync(onnx).subarray(0, 2);
  if (head.length < 2 || head[0] !== 0x08) return { error: `${basename(onnx)} is not an ONNX model (its first bytes do not match)` };
  const configPath = `${onnx}.json`;
  if (!existsSync(configPath)) return { error: `${basename(onnx)} has no settings file beside it (${basename(configPath)}, published with every Piper voice)` };
  let config: PiperConfig;
  try {
    config = parsePiperConfig(JSON.parse(readFileSync(configPath, 'utf8')));
  } catch (err) {
    return { error: `${basename(configPath)}: ${(err as Error).message}` };
  }
  return { voiceId: `model:${id}`, onnx, config, bytes };
}
