import { describe, expect, it } from 'vitest';
import type { ScriptSegment } from '../../script/types.ts';
import type { ProjectSettings } from '../../storage/schema.ts';
import type { Voiceover } from '../pipeline.ts';
import { VoiceoverAhead, voiceoverKey } from './voiceover-ahead.ts';

const settings: ProjectSettings = { ratio: '9:16', duration: 15, language: 'en', voiceId: 'en-us-f', presenterId: 'ava', resolution: 720 };
const seg = (text: string): ScriptSegment => ({ text }) as ScriptSegment;

function counting(fail = false) {
  const calls: string[] = [];
  const make = async (_s: ProjectSettings, segments: ScriptSegment[]): Promise<Voiceover> => {
    calls.push(segments.map((s) => s.text).join('|'));
    await new Promise((r) => setTimeout(r, 5));
    if (fail) throw new Error('voice failed');
    return { speech: { pcm: new Float32Array(1), sampleRate: 22050 }, segments: [] } as unknown as Voiceover;
  };
  return { calls, make };
}

describe('VoiceoverAhead', () => {
  it('a click during the background voicing waits for it instead of voicing again', async () => {
    const { calls, make } = counting();
    const ready: string[] = [];
    const ahead = new VoiceoverAhead(make, (key) => ready.push(key));
    ahead.prepare(settings, [seg('Hello there.')]);
    expect(ready).toEqual([]);
    const v = await ahead.get(settings, [seg('Hello there.')]);
    expect(v.speech.sampleRate).toBe(22050);
    expect(calls).toEqual(['Hello there.']);
    expect(ready).toEqual([voiceoverKey(settings, [seg('Hello there.')])]);
  });

  it('an edited line, another voice or speed, or a changed segment field voices again', async () => {
    const { calls, make } = counting();
    const ahead = new VoiceoverAhead(make);
    await ahead.get(settings, [seg('A.')]);
    await ahead.get(settings, [seg('B.')]);
    await ahead.get({ ...settings, voiceId: 'en-us-m' }, [seg('B.')]);
    await ahead.get({ ...settings, voiceId: 'en-us-m', voiceSpeed: 1.2 }, [seg('B.')]);
    await ahead.get({ ...settings, voiceId: 'en-us-m', voiceSpeed: 1.2 }, [{ ...seg('B.'), imageIndex: 1 } as ScriptSegment]);
    expect(calls).toHaveLength(5);
  });

  it('a failed voicing is not kept, and a recording is never voiced ahead', async () => {
    const failing = counting(true);
    const ahead = new VoiceoverAhead(failing.make);
    ahead.prepare(settings, [seg('A.')]);
    await expect(ahead.get(settings, [seg('A.')])).rejects.toThrow('voice failed');
    await expect(ahead.get(settings, [seg('A.')])).rejects.toThrow('voice failed');
    expect(failing.calls).toHaveLength(2);

    const rec = counting();
    const withRecording = new VoiceoverAhead(rec.make);
    withRecording.prepare({ ...settings, voiceId: 'user:abc' }, [seg('A.')]);
    expect(rec.calls).toHaveLength(0);
    await withRecording.get({ ...settings, voiceId: 'user:abc' }, [seg('A.')]);
    await withRecording.get({ ...settings, voiceId: 'user:abc' }, [seg('A.')]);
    expect(rec.calls).toHaveLength(2);
  });

  it('an empty script is not voiced ahead', () => {
    const { calls, make } = counting();
    new VoiceoverAhead(make).prepare(settings, [seg('  ')]);
    expect(calls).toHaveLength(0);
  });
});
