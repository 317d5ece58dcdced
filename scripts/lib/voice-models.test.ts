import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPiperTiny } from '../../models/build-piper-tiny.ts';
import { findVoiceModel } from './voice-models.ts';

describe('--voice <catalog id> --models <folder>', () => {
  const { model, config } = buildPiperTiny();
  const dir = mkdtempSync(join(tmpdir(), 'voice-models-'));
  const catalog = join(dir, 'catalog.json');
  writeFileSync(catalog, JSON.stringify({ version: 1, models: [
    { id: 'piper-en_us-tiny-medium', url: 'https://hub.example/rhasspy/piper-voices/resolve/v1.0.0/en/en_US/tiny/medium/en_US-tiny-medium.onnx', bytes: model.length },
    { id: 'piper-en_us-wrong-medium', url: 'https://hub.example/x/en_US-wrong-medium.onnx', bytes: model.length + 1 },
  ] }));

  it('finds the file by its catalog file name, checks its size and reads its settings', () => {
    writeFileSync(join(dir, 'en_US-tiny-medium.onnx'), model);
    writeFileSync(join(dir, 'en_US-tiny-medium.onnx.json'), JSON.stringify(config));
    const r = findVoiceModel(dir, 'piper-en_us-tiny-medium', catalog);
    expect('error' in r ? r.error : r.voiceId).toBe('model:piper-en_us-tiny-medium');
    if (!('error' in r)) expect(r.config.audio.sample_rate).toBe(22050);
  });

  it('says what is wrong: no folder, no model, wrong size, not ONNX, no or bad settings', () => {
    const err = (folder: string, id: string): string => {
      const r = findVoiceModel(folder, id, catalog);
      return 'error' in r ? r.error : 'no error';
    };
    expect(err(join(dir, 'nope'), 'x')).toContain('is not a folder');
    expect(err(dir, 'piper-en_us-none')).toContain('no model file for voice "piper-en_us-none"');
    writeFileSync(join(dir, 'en_US-wrong-medium.onnx'), model);
    expect(err(dir, 'piper-en_us-wrong-medium')).toMatch(/is \d+ bytes, but the catalog says voice "piper-en_us-wrong-medium" is \d+: the file is incomplete/);
    writeFileSync(join(dir, 'page.onnx'), '<!doctype html><html>');
    expect(err(dir, 'page')).toContain('page.onnx is not an ONNX model');
    writeFileSync(join(dir, 'solo.onnx'), model);
    expect(err(dir, 'solo')).toContain('solo.onnx has no settings file beside it (solo.onnx.json');
    writeFileSync(join(dir, 'solo.onnx.json'), '{"audio": {}}');
    expect(err(dir, 'solo')).toContain('solo.onnx.json: This voice’s settings'.replace('’', "'"));
  });
});
