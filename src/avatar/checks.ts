/*
 * The material self-check: measurements in, one row per requirement out (pass / warn / fail,
 * the measured value, the limit, advice). Pure; the numbers come from workers/lipsync/analyze.ts.
 * Limits follow REQUIREMENTS.md §2 (the vendor guides), with a warning band around each.
 */
import type { AvatarKind, CheckItem, CheckReport, CheckStatus } from './types.ts';

export const LIMITS = {
  minSeconds: 10,
  maxSeconds: 300,
  videoMaxLong: 4096,
  videoMaxShort: 2160,
  videoMinShort: 720,
  maxVideoBytes: 500 * 1024 * 1024,
  photoMaxBytes: 10 * 1024 * 1024,
  photoMaxSide: 4000,
  minFps: 25,
  maxFps: 60,
  minFaceRatio: 1 / 10,
  maxFaceRatio: 1 / 3,
  /**
   * Sharpness: variance of the Laplacian of the face scaled to 64 px wide (measured here: a
   * portrait whose face was 35 px, upscaled 3x, gives 53; the same with a 2 px box blur 10).
   */
  minSharpness: 15,
  warnSharpness: 40,
  maxYaw: 0.22,
  failYaw: 0.4,
  maxRoll: 12,
  failRoll: 22,
  /** Camera shake: mean background shift per second, % of the frame width. */
  maxShake: 0.6,
  failShake: 2,
  maxNoiseFloorDb: -50,
  failNoiseFloorDb: -35,
  minLeadSilence: 1,
  maxLeadSilence: 3,
} as const;

export interface FaceStats {
  /** Frames sampled for faces. */
  frames: number;
  /** Frames with no face, one face, two or more. */
  none: number;
  one: number;
  many: number;
  /** Median face width / frame width, of frames with one face. */
  widthRatio: number | null;
  /** Share of frames whose face touches or crosses the frame edge. */
  cutShare: number;
  /** 80th percentile |yaw| (eye distances) and |roll| (degrees). */
  yaw: number | null;
  roll: number | null;
  /** Share of frames with the mouth below the eyes. */
  uprightShare: number;
  /** Median Laplacian variance of the face. */
  sharpness: number | null;
}

export interface VideoMeasurements {
  bytes: number;
  width: number;
  height: number;
  /** Container rotation (applied before measuring). */
  rotation: number;
  seconds: number;
  fps: number | null;
  faces: FaceStats | null;
  /** % of frame width per second. */
  shake: number | null;
  audio: null | {
    noiseFloorDb: number;
    speechDb: number;
    leadingSilence: number;
    midLevelShare: number;
    /** Mouth activity during the leading silence vs during speech (0..1, low = closed & still). */
    leadMouthActivity: number | null;
  };
  backdrop: null | { coverage: number; spread: number };
}

export interface PhotoMeasurements {
  bytes: number;
  width: number;
  height: number;
  faces: FaceStats | null;
  backdrop: null | { coverage: number; spread: number };
}

const pct = (v: number, digits = 0): string => `${(v * 100).toFixed(digits)}%`;

function item(id: string, label: string, status: CheckStatus, value: string, limit: string, advice: string, measured: number | null): CheckItem {
  return { id, label, status, value, limit, advice: status === 'pass' ? '' : advice, measured };
}

function worst(items: CheckItem[]): CheckStatus {
  return items.some((i) => i.status === 'fail') ? 'fail' : items.some((i) => i.status === 'warn') ? 'warn' : 'pass';
}

export function report(kind: AvatarKind, items: CheckItem[]): CheckReport {
  return { kind, items, status: worst(items) };
}

function faceItems(f: FaceStats, kind: AvatarKind): CheckItem[] {
  const out: CheckItem[] = [];
  const frames = Math.max(1, f.frames);
  const one = f.one / frames;
  const many = f.many / frames;
  const none = f.none / frames;
  if (kind === 'photo') {
    const n = f.many ? 'several' : f.one ? 'one' : 'no';
    out.push(item('face-count', 'One face', f.one === 1 && !f.many ? 'pass' : 'fail', `${n} face${n === 'one' ? '' : 's'} found`, 'exactly one face',
      f.none ? 'No face was found: use a photo of one person facing the camera, face unobstructed.' : 'Crop the photo so only your face is in it.', f.many ? 2 : f.one));
  } else {
    const status: CheckStatus = f.one === 0 ? 'fail' : many > 0.05 || none > 0.2 ? 'fail' : many > 0 || none > 0.05 ? 'warn' : 'pass';
    const value = many > 0 ? `2+ faces in ${pct(many)} of frames` : none > 0 ? `no face in ${pct(none)} of frames` : `one face in ${pct(one)} of frames`;
    out.push(item('face-count', 'One face throughout', status, value, 'one face in every frame',
      f.one === 0 ? 'No face was found: film one person facing the camera.' : many > 0 ? 'Only one person may be in the picture: crop or refilm without others.' : 'Keep your face in the picture and uncovered the whole time.', one));
  }
  if (f.widthRatio != null) {
    const r = f.widthRatio;
    const status: CheckStatus = r >= LIMITS.minFaceRatio && r <= LIMITS.maxFaceRatio ? 'pass' : r >= 0.08 && r <= 0.4 ? 'warn' : 'fail';
    out.push(item('face-size', 'Face width', status, `face width ${pct(r)} of frame`, '10%–33% of the frame width',
      r < LIMITS.minFaceRatio ? 'Move closer to the camera (or crop): the face is too small for lip-sync.' : 'Move back from the camera: the face is too large.', r));
    const cut = f.cutShare;
    out.push(item('face-cut', 'Face inside the frame', cut === 0 ? 'pass' : cut < 0.05 ? 'warn' : 'fail', cut === 0 ? 'never cut' : `cut by the edge in ${pct(cut)} of frames`, 'never cut by the frame edge',
      'Keep the whole head inside the picture, with some space around it.', cut));
  }
  if (f.yaw != null && f.roll != null) {
    const yaw = f.yaw;
    out.push(item('head-turn', kind === 'photo' ? 'Facing forward' : 'Head turns', yaw <= LIMITS.maxYaw ? 'pass' : yaw <= LIMITS.failYaw ? 'warn' : 'fail', `turn ${yaw.toFixed(2)} eye distances`, `under ${LIMITS.maxYaw}`,
      kind === 'photo' ? 'Use a photo facing the camera straight on (both ears visible).' : 'Look at the camera; avoid turning the head to the side.', yaw));
    const roll = f.roll;
    out.push(item('head-tilt', 'Head tilt', roll <= LIMITS.maxRoll ? 'pass' : roll <= LIMITS.failRoll ? 'warn' : 'fail', `tilt ${roll.toFixed(0)}°`, `under ${LIMITS.maxRoll}°`,
      'Keep the head level.', roll));
  }
  const seen = f.one + f.many > 0;
  out.push(item('upright', 'Upright head', !seen ? 'warn' : f.uprightShare >= 0.95 ? 'pass' : 'fail', !seen ? 'not measured (no face)' : `upright in ${pct(f.uprightShare)} of frames`, 'upright in every frame',
    'The picture is sideways or upside down: rotate it so the head is upright.', f.uprightShare));
  if (f.sharpness != null) {
    const s = f.sharpness;
    out.push(item('sharpness', 'Sharp face', s >= LIMITS.warnSharpness ? 'pass' : s >= LIMITS.minSharpness ? 'warn' : 'fail', `sharpness ${s.toFixed(0)}`, `at least ${LIMITS.warnSharpness}`,
      'The face is blurry: use better light, focus on the face, avoid heavy compression.', s));
  }
  return out;
}

function backdropItem(b: { coverage: number; spread: number }): CheckItem {
  const status: CheckStatus = b.coverage >= 0.9 && b.spread < 25 ? 'pass' : b.coverage >= 0.7 ? 'warn' : 'fail';
  return item('backdrop', 'Clean backdrop for keying', status, `${pct(b.coverage)} of the edges match the backdrop colour (spread ${b.spread.toFixed(0)})`, 'at least 90%, even colour',
    'Use an evenly lit plain backdrop filling the whole picture around you, and give its exact colour.', b.coverage);
}

/** The self-check of a video avatar. */
export function videoReport(m: VideoMeasurements): CheckReport {
  const items: CheckItem[] = [];
  const s = m.seconds;
  items.push(item('duration', 'Length', s < LIMITS.minSeconds || s > LIMITS.maxSeconds ? 'fail' : 'pass', `${s.toFixed(1)} s`, '10 s – 5 min',
    s < LIMITS.minSeconds ? 'The video is too short: film at least 10 seconds of you speaking.' : 'The video is too long: trim it to 5 minutes or less.', s));
  const long = Math.max(m.width, m.height);
  const short = Math.min(m.width, m.height);
  const resStatus: CheckStatus = long > LIMITS.videoMaxLong || short > LIMITS.videoMaxShort ? 'fail' : short < LIMITS.videoMinShort ? 'warn' : 'pass';
  items.push(item('resolution', 'Resolution', resStatus, `${m.width}×${m.height}${m.rotation ? ` (rotated ${m.rotation}°)` : ''}`, 'at most 4K; 720p or 1080p recommended',
    resStatus === 'fail' ? 'The video is larger than 4K: export it at 1080p or 4K.' : 'The video is small: 720p or 1080p gives a sharper avatar.', short));
  items.push(item('size', 'File size', m.bytes > LIMITS.maxVideoBytes ? 'fail' : 'pass', `${(m.bytes / 1048576).toFixed(1)} MB`, 'under 500 MB', 'Export a shorter or more compressed video.', m.bytes));
  if (m.fps != null) {
    const f = m.fps;
    const st: CheckStatus = f >= LIMITS.minFps - 0.5 && f <= LIMITS.maxFps + 0.5 ? 'pass' : f < 15 ? 'fail' : 'warn';
    items.push(item('fps', 'Frame rate', st, `${f.toFixed(f % 1 ? 2 : 0)} fps`, '25–60 fps', 'Film at 25, 30, 50 or 60 frames per second.', f));
  }
  if (m.faces) items.push(...faceItems(m.faces, 'video'));
  if (m.shake != null) {
    const v = m.shake;
    items.push(item('shake', 'Steady camera', v <= LIMITS.maxShake ? 'pass' : v <= LIMITS.failShake ? 'warn' : 'fail', `background moves ${v.toFixed(2)}% of the width per second`, `under ${LIMITS.maxShake}%/s`,
      'Put the camera on a tripod or a steady surface.', v));
  }
  if (!m.audio) {
    items.push(item('audio', 'Sound', 'fail', 'no audio track', 'speech recorded with the video', 'The video has no sound: record it with the microphone on (the lips are matched to your speech).', 0));
  } else {
    const a = m.audio;
    const silent = a.speechDb < -55;
    items.push(item('audio', 'Sound', silent ? 'fail' : 'pass', silent ? `silent (loudest ${a.speechDb.toFixed(0)} dBFS)` : `speech at ${a.speechDb.toFixed(0)} dBFS`, 'speech recorded with the video',
      'The sound track is silent: record with the microphone on.', a.speechDb));
    if (!silent) {
      const lead = a.leadingSilence;
      const still = a.leadMouthActivity == null || a.leadMouthActivity < 0.5;
      // No rise to speech anywhere: a steady sound (hum, music) or nothing but noise.
      const noSpeech = lead >= m.seconds - 0.5;
      const ok = !noSpeech && lead >= LIMITS.minLeadSilence && lead <= LIMITS.maxLeadSilence + 2 && still;
      const value = noSpeech
        ? 'no speech found over the background sound'
        : lead < LIMITS.minLeadSilence
          ? `no closed-mouth silence in the first ${LIMITS.maxLeadSilence} s (speech at ${lead.toFixed(1)} s)`
          : lead > LIMITS.maxLeadSilence + 2
            ? `speech starts late, at ${lead.toFixed(1)} s`
            : `${lead.toFixed(1)} s of silence${still ? ', mouth closed' : ', but the mouth moves'}`;
      items.push(item('lead-silence', 'Starts with closed-mouth silence', ok ? 'pass' : 'warn', value,
        '1–3 s, mouth closed', 'Start the recording with 1–3 seconds of silence, mouth closed, looking at the camera.', lead));
      const floor = a.noiseFloorDb;
      const noisy = floor > LIMITS.failNoiseFloorDb ? 'fail' : floor > LIMITS.maxNoiseFloorDb || a.midLevelShare > 0.25 ? 'warn' : 'pass';
      items.push(item('noise', 'Quiet background', noisy, `noise floor ${floor.toFixed(0)} dBFS${a.midLevelShare > 0.25 ? `, other sound ${pct(a.midLevelShare)} of the time` : ''}`, `under ${LIMITS.maxNoiseFloorDb} dBFS`,
        'Record in a quiet room: no music, other voices or fans.', floor));
    }
  }
  if (m.backdrop) items.push(backdropItem(m.backdrop));
  return report('video', items);
}

/** The self-check of a photo avatar. */
export function photoReport(m: PhotoMeasurements): CheckReport {
  const items: CheckItem[] = [];
  items.push(item('size', 'File size', m.bytes > LIMITS.photoMaxBytes ? 'fail' : 'pass', `${(m.bytes / 1048576).toFixed(1)} MB`, 'at most 10 MB', 'Save the photo smaller (JPEG quality 90 is plenty).', m.bytes));
  const long = Math.max(m.width, m.height);
  items.push(item('resolution', 'Resolution', long > LIMITS.photoMaxSide ? 'fail' : Math.min(m.width, m.height) < 400 ? 'warn' : 'pass', `${m.width}×${m.height}`, 'at most 4000 px a side',
    long > LIMITS.photoMaxSide ? 'Scale the photo down to 4000 px or less.' : 'The photo is small: 1000 px or more gives a sharper avatar.', long));
  if (m.faces) items.push(...faceItems(m.faces, 'photo'));
  if (m.backdrop) items.push(backdropItem(m.backdrop));
  return report('photo', items);
}

/** Whether an avatar may be made from material with this report (no failed item). */
export function acceptable(r: CheckReport): boolean {
  return r.status !== 'fail';
}

/** The report as text, one line per item (the command line prints this). */
export function formatReport(r: CheckReport): string {
  const mark: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };
  const lines = r.items.map((i) => `${mark[i.status]}  ${i.id.padEnd(13)} ${i.value}  (limit: ${i.limit})${i.advice ? `\n      → ${i.advice}` : ''}`);
  return `${lines.join('\n')}\n${r.kind} avatar material: ${r.status.toUpperCase()}`;
}
