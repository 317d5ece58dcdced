import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseDeployConfig, type DeployConfig } from '../src/platform/deploy-config.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The deployer's file: `TALKREEL_CONFIG` (a path, for test builds) or `talkreel.config.json`. */
export function deployConfigPath(): string {
  return resolve(ROOT, process.env.TALKREEL_CONFIG ?? 'talkreel.config.json');
}

/** Reads and validates the deployer's configuration; a bad file fails the build with its reason. */
export function readDeployConfig(): DeployConfig {
  const path = deployConfigPath();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return parseDeployConfig({});
  }
  return parseDeployConfig(JSON.parse(text));
}

/** Compiles the configuration into the app (src/platform/deploy-config.ts reads it). */
export function deployConfigDefine(): Plugin {
  return {
    name: 'talkreel-deploy-config',
    config() {
      const cfg = readDeployConfig();
      // models.catalog swaps the model catalog (src/storage/models.ts); read here so a bad path fails the build.
      const catalog = cfg.models.catalog ? { __TALKREEL_CATALOG__: readFileSync(resolve(ROOT, cfg.models.catalog), 'utf8') } : {};
      return { define: { __TALKREEL_DEPLOY__: JSON.stringify(cfg), ...catalog } };
    },
  };
}
