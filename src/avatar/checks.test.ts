import { describe, expect, it } from 'vitest';
import { acceptable, formatReport, photoReport, videoReport, type FaceStats, type VideoMeasurements } from './checks.ts';

const faces = (o: Partial<FaceStats> = {}): FaceStats => ({ frames: 40, none: 0, one: 40, many: 0, widthRatio: 0.18, cutShare: 0, yaw: 0.05, roll: 3, uprightShare: 1, sharpness: 90, ...o });
const good = (o: Partial<VideoMeasurements> = {}): VideoMeasurements => ({
  bytes: 40e6, width: 1920, height: 1080, rotation: 0, seconds: 60, fps: 30, faces: faces(), shake: 0.1,
  audio: { noiseFloorDb: -70, speechDb: -18, leadingSilence: 2, midLevelShare: 0.05, leadMouthActivity: 0.1 }, backdrop: null, ...o,
});
const status = (r: ReturnType<typeof videoReport>, id: string) => r.items.find((i) => i.id === id)?.status;

describe('video self-check', () => {
  it('passes good material, every item with a value and a limit', () => {
    const r = videoReport(good());
    expect(r.status).toBe('pass');
    expect(acceptable(r)).toBe(true);
    for (const i of r.items) {
      expect(i.value).not.toBe('');
      expect(i.limit).not.toBe('');
      expect(i.advice).toBe('');
    }
  });
  it('fails lengths outside 10 s – 5 min', () => {
    expect(status(videoReport(good({ seconds: 5 })), 'duration')).toBe('fail');
    expect(status(videoReport(good({ seconds: 360 })), 'duration')).toBe('fail');
    expect(status(videoReport(good({ seconds: 10 })), 'duration')).toBe('pass');
  });
  it('fails more than 4K, warns under 720p', () => {
    expect(status(videoReport(good({ width: 7680, height: 4320 })), 'resolution')).toBe('fail');
    expect(status(videoReport(good({ width: 2160, height: 3840 })), 'resolution')).toBe('pass');
    expect(status(videoReport(good({ width: 640, height: 480 })), 'resolution')).toBe('warn');
  });
  it('frame rate 25–60', () => {
    expect(status(videoReport(good({ fps: 29.97 })), 'fps')).toBe('pass');
    expect(status(videoReport(good({ fps: 24 })), 'fps')).toBe('warn');
    expect(status(videoReport(good({ fps: 10 })), 'fps')).toBe('fail');
    expect(status(videoReport(good({ fps: 120 })), 'fps')).toBe('warn');
  });
  it('two faces in 38% of frames fail, with the share in the value', () => {
    const r = videoReport(good({ faces: faces({ one: 25, many: 15 }) }));
    const i = r.items.find((x) => x.id === 'face-count')!;
    expect(i.status).toBe('fail');
    expect(i.value).toBe('2+ faces in 38% of frames');
  });
  it('face width 1/10–1/3 of the frame', () => {
    expect(status(videoReport(good({ faces: faces({ widthRatio: 0.14 }) })), 'face-size')).toBe('pass');
    expect(status(videoReport(good({ faces: faces({ widthRatio: 0.09 }) })), 'face-size')).toBe('warn');
    expect(status(videoReport(good({ faces: faces({ widthRatio: 0.05 }) })), 'face-size')).toBe('fail');
    expect(status(videoReport(good({ faces: faces({ widthRatio: 0.5 }) })), 'face-size')).toBe('fail');
    expect(videoReport(good({ faces: faces({ widthRatio: 0.14 }) })).items.find((i) => i.id === 'face-size')!.value).toBe('face width 14% of frame');
  });
  it('edge cuts, turns, tilts, sideways video, blur, shake', () => {
    expect(status(videoReport(good({ faces: faces({ cutShare: 0.2 }) })), 'face-cut')).toBe('fail');
    expect(status(videoReport(good({ faces: faces({ yaw: 0.3 }) })), 'head-turn')).toBe('warn');
    expect(status(videoReport(good({ faces: faces({ yaw: 0.6 }) })), 'head-turn')).toBe('fail');
    expect(status(videoReport(good({ faces: faces({ roll: 25 }) })), 'head-tilt')).toBe('fail');
    expect(status(videoReport(good({ faces: faces({ uprightShare: 0 }) })), 'upright')).toBe('fail');
    expect(status(videoReport(good({ faces: faces({ sharpness: 5 }) })), 'sharpness')).toBe('fail');
    expect(status(videoReport(good({ shake: 3 })), 'shake')).toBe('fail');
  });
  it('sound: missing, silent, no closed-mouth lead, noisy', () => {
    expect(videoReport(good({ audio: null })).items.find((i) => i.id === 'audio')!.value).toBe('no audio track');
    expect(status(videoReport(good({ audio: { ...good().audio!, speechDb: -120 } })), 'audio')).toBe('fail');
    const lead = videoReport(good({ audio: { ...good().audio!, leadingSilence: 0.2 } })).items.find((i) => i.id === 'lead-silence')!;
    expect(lead.status).toBe('warn');
    expect(lead.value).toBe('no closed-mouth silence in the first 3 s (speech at 0.2 s)');
    expect(status(videoReport(good({ audio: { ...good().audio!, leadMouthActivity: 0.9 } })), 'lead-silence')).toBe('warn');
    expect(status(videoReport(good({ audio: { ...good().audio!, noiseFloorDb: -30 } })), 'noise')).toBe('fail');
    expect(status(videoReport(good({ audio: { ...good().audio!, noiseFloorDb: -45 } })), 'noise')).toBe('warn');
  });
  it('backdrop cleanliness only when a key colour is given', () => {
    expect(videoReport(good()).items.some((i) => i.id === 'backdrop')).toBe(false);
    expect(status(videoReport(good({ backdrop: { coverage: 0.97, spread: 8 } })), 'backdrop')).toBe('pass');
    expect(status(videoReport(good({ backdrop: { coverage: 0.4, spread: 8 } })), 'backdrop')).toBe('fail');
  });
  it('prints one line per item', () => {
    const text = formatReport(videoReport(good({ seconds: 5 })));
    expect(text).toContain('FAIL  duration      5.0 s  (limit: 10 s – 5 min)');
    expect(text.trim().endsWith('video avatar material: FAIL')).toBe(true);
  });
});

describe('photo self-check', () => {
  const one = { bytes: 2e6, width: 1200, height: 1600, faces: faces({ frames: 1, one: 1 }), backdrop: null };
  it('passes one sharp frontal face', () => expect(photoReport(one).status).toBe('pass'));
  it('fails over 10 MB and over 4000 px', () => {
    expect(photoReport({ ...one, bytes: 12 * 1048576 }).items[0]!.status).toBe('fail');
    expect(photoReport({ ...one, width: 6000 }).items.find((i) => i.id === 'resolution')!.status).toBe('fail');
  });
  it('fails no face and several faces', () => {
    expect(photoReport({ ...one, faces: faces({ frames: 1, one: 0, none: 1, widthRatio: null, yaw: null, roll: null, sharpness: null, uprightShare: 0 }) }).items.find((i) => i.id === 'face-count')!.value).toBe('no faces found');
    expect(photoReport({ ...one, faces: faces({ frames: 1, one: 0, many: 1 }) }).status).toBe('fail');
  });
});
