import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAudioFile, checkDecoded, MAX_AUDIO_BYTES, sniffAudio, VoiceFileError, wavInfo } from './audio-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'audio-file-'));
/** Real files from Debian's ffmpeg, so the sniffer meets what encoders really write. */
function make(ext: string, args: string[]): Uint8Array {
  const out = join(dir, `t.${ext}`);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=f=300:sample_rate=44100', '-t', '0.5', ...args, '-y', out]);
  return new Uint8Array(readFileSync(out));
}

describe('voice file checks', () => {
  it('recognises wav, mp3, aac, m4a, wma/asf, ogg and flac by their bytes', () => {
    expect(sniffAudio(make('wav', []))).toBe('wav');
    expect(sniffAudio(make('mp3', ['-c:a', 'libmp3lame']))).toBe('mp3');
    expect(sniffAudio(make('mp3', ['-c:a', 'libmp3lame', '-write_xing', '0', '-id3v2_version', '0']))).toBe('mp3');
    expect(sniffAudio(make('aac', ['-c:a', 'aac', '-f', 'adts']))).toBe('aac');
    expect(sniffAudio(make('m4a', ['-c:a', 'aac']))).toBe('m4a');
    expect(sniffAudio(make('wma', ['-c:a', 'wmav2']))).toBe('asf');
    expect(sniffAudio(make('ogg', ['-c:a', 'libvorbis']))).toBe('ogg');
    expect(sniffAudio(make('flac', []))).toBe('flac');
  });

  it('refuses empty, too large and non-audio files with a clear sentence', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => checkAudioFile('x.mp3', 0, png)).toThrow(/empty/);
    const big = 25 * 1024 * 1024;
    expect(big).toBeGreaterThan(MAX_AUDIO_BYTES);
    expect(() => checkAudioFile('long.wav', big, make('wav', []))).toThrow(/26\.2 MB; voice files can be at most 20\.0 MB/);
    expect(() => checkAudioFile('photo.mp3', 1000, png)).toThrow(/not an audio file/);
    try {
      checkAudioFile('photo.mp3', 1000, png);
    } catch (e) {
      expect((e as VoiceFileError).code).toBe('unsupported');
    }
  });

  it('reads the WAV header and checks rate, length and silence', () => {
    expect(wavInfo(make('wav', ['-ar', '22050', '-ac', '2']))).toEqual({ sampleRate: 22050, channels: 2 });
    expect(() => checkDecoded('a.wav', 10, 8000, 0.5)).toThrow(/8000 Hz/);
    expect(() => checkDecoded('a.wav', 0.4, 44100, 0.5)).toThrow(/at least 1 s/);
    expect(() => checkDecoded('a.wav', 200, 44100, 0.5)).toThrow(/at most 75 s/);
    expect(() => checkDecoded('a.wav', 10, 44100, 0)).toThrow(/silent/);
    expect(() => checkDecoded('a.wav', 10, 44100, 0.5)).not.toThrow();
  });
});
