import { describe, expect, it } from 'vitest';
import { cloneSampleNotAVoice, isCloneSample, scriptVoices } from './clone-sample.ts';

describe('clone samples are not script voices', () => {
  it('keeps recordings and uploads, drops clone samples', () => {
    const all = [{ kind: 'upload', id: 'a' }, { kind: 'clone-sample', id: 'b' }, { kind: 'recording', id: 'c' }] as const;
    expect(scriptVoices(all).map((r) => r.id)).toEqual(['a', 'c']);
    expect(isCloneSample({ kind: 'clone-sample' })).toBe(true);
    expect(isCloneSample({ kind: 'recording' })).toBe(false);
    expect(cloneSampleNotAVoice('my_voice')).toMatch(/^“my_voice” is a voice-clone sample.*cannot narrate a script/);
  });
});
