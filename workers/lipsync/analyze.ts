/*
 * Custom-avatar analysis in the lip-sync worker: reads the user's video (mediabunny, streamed
 * from the File, never one ArrayBuffer) or photo, measures everything the self-check reports,
 * and — when the material is acceptable — prepares what the warp engine draws from (face track,
 * mouth features, base-loop frames, mouth patches). Measurements are pure functions in
 * src/avatar; this file decodes pixels and sound and feeds them.
 */
import { ALL_FORMATS, AudioSampleSink, BlobSource, CanvasSink, Input, type InputVideoTrack } from 'mediabunny';
import { searchRegions, trackingRegion } from '../../src/avatar/blazeface.ts';
import { photoReport, videoReport, acceptable, type PhotoMeasurements, type VideoMeasurements } from '../../src/avatar/checks.ts';
import { AvatarError } from '../../src/avatar/errors.ts';
import { audioStats, backdropCleanliness, eyeDistance, globalShift, laplacianVariance, meanAbsDiff, mouthBox, mouthOpening, toGray, type Gray } from '../../src/avatar/signal.ts';
import { chooseLoop, faceStats, fillGaps, smoothTrack, type FrameFaces } from '../../src/avatar/track.ts';
import { KEYPOINT, outputSize, type AvatarKind, type AvatarLoop, type AvatarMaterial, type AvatarMediaRef, type CheckReport, type Face, type FaceTrack, type MouthFeatures, type MouthPatchRecord, type Point, type Rgb, type TrackedFace } from '../../src/avatar/types.ts';
import { imageDimensions, sniffImage, sniffVideo } from '../../src/product/media.ts';
import { detectFaces } from './blazeface.ts';

export interface AnalyzeOptions {
  name: string;
  /** What the user said it is; bytes that say otherwise are refused with a clear message. */
  kind?: AvatarKind;
  /** Backdrop colour to key out: the cleanliness check runs only with one. */
  key?: Rgb | null;
  /** Also prepare the warp material when the check passes (default true). */
  prepare?: boolean;
}

export interface AnalyzeProgress {
  stage: 'reading' | 'faces' | 'sound' | 'preparing';
  /** 0..1 within the stage. */
  progress: number;
}

/** Everything of a StoredAvatar the material gives (the caller adds id, name, gender, backdrop). */
export interface PreparedAvatar {
  kind: AvatarKind;
  media: Omit<AvatarMediaRef, 'store' | 'file' | 'blob'>;
  output: { width: number; height: number };
  track: FaceTrack;
  loop?: AvatarLoop;
  mouth?: MouthFeatures;
  material: AvatarMaterial;
  thumbnail: Blob;
  preprocessMs: number;
}

export interface AnalysisResult {
  report: CheckReport;
  prepared: PreparedAvatar | null;
  /** ms per stage, for the benchmark. */
  timings: Record<string, number>;
  /** BlazeFace runs and their total ms. */
  detections: { runs: number; ms: number };
}

type Progress = (p: AnalyzeProgress) => void;

/** Sampling rate of the whole-video face pass, and the most samples it takes. */
const FACE_FPS = 2;
const MAX_FACE_SAMPLES = 600;
/** Every how many samples the whole frame is searched (counting faces); tracking in between. */
const FULL_EVERY = 3;
/** The warp material: the video's first seconds, at most this frame rate. */
const MATERIAL_SECONDS = 8;
const MATERIAL_FPS = 25;
const ANALYSIS_WIDTH = 960;

const detections = { runs: 0, ms: 0 };

async function faces(src: OffscreenCanvas | ImageBitmap, regions?: ReturnType<typeof searchRegions>): Promise<Face[]> {
  const t0 = performance.now();
  const out = await detectFaces(src, regions ? { regions } : {});
  detections.runs += regions?.length ?? searchRegions(src.width, src.height).length;
  detections.ms += performance.now() - t0;
  return out;
}

function scratch(w: number, h: number): OffscreenCanvasRenderingContext2D {
  return new OffscreenCanvas(Math.max(1, Math.round(w)), Math.max(1, Math.round(h))).getContext('2d', { willReadFrequently: true })!;
}

/** Grey pixels of a region of `src`, scaled to `w` x `h`. */
function grayOf(src: CanvasImageSource, r: { x: number; y: number; w: number; h: number }, w: number, h: number): Gray {
  const g = scratch(w, h);
  g.drawImage(src, r.x, r.y, r.w, r.h, 0, 0, g.canvas.width, g.canvas.height);
  return toGray(g.getImageData(0, 0, g.canvas.width, g.canvas.height).data, g.canvas.width, g.canvas.height);
}

/** Variance of the Laplacian of the face, scaled to 64 px wide (resolution-independent). */
function sharpnessOf(src: CanvasImageSource, face: Face): number {
  const [x, y, w, h] = face.box;
  return laplacianVariance(grayOf(src, { x: x + w * 0.1, y: y + h * 0.1, w: w * 0.8, h: h * 0.8 }, 64, Math.round((64 * h) / w)));
}

function backdropOf(src: CanvasImageSource, width: number, height: number, key: Rgb): { coverage: number; spread: number } {
  const w = 160;
  const h = Math.max(1, Math.round((160 * height) / width));
  const g = scratch(w, h);
  g.drawImage(src, 0, 0, w, h);
  return backdropCleanliness(g.getImageData(0, 0, w, h).data, w, h, key);
}

function refuse(code: ConstructorParameters<typeof AvatarError>[0], msg: string, cause?: unknown): never {
  throw new AvatarError(code, msg, cause === undefined ? undefined : { cause });
}

/** Identifies the file by its bytes; refuses what is neither, or not what the user said. */
async function identify(file: Blob, opts: AnalyzeOptions): Promise<AvatarKind> {
  if (file.size === 0) refuse('not-media', `“${opts.name}” is empty.`);
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const image = sniffImage(head);
  const video = sniffVideo(head);
  const kind: AvatarKind | null = image === 'png' || image === 'jpeg' ? 'photo' : video === 'mp4' || video === 'mov' ? 'video' : null;
  if (!kind) {
    refuse('not-media', image || video
      ? `“${opts.name}” is a ${(image ?? video)!.toUpperCase()} file: avatars are made from an MP4 or MOV video, or a PNG or JPEG photo.`
      : `“${opts.name}” is not an MP4 or MOV video, nor a PNG or JPEG photo (whatever its name says).`);
  }
  if (opts.kind && opts.kind !== kind) {
    refuse('not-media', kind === 'photo'
      ? `“${opts.name}” is a ${image!.toUpperCase()} picture, not a video, whatever its name says. Upload it as a photo avatar, or choose a video.`
      : `“${opts.name}” is a video, not a photo. Upload it as a video avatar, or choose a PNG or JPEG photo.`);
  }
  return kind;
}

export async function analyze(file: Blob, opts: AnalyzeOptions, onProgress: Progress = () => undefined): Promise<AnalysisResult> {
  detections.runs = 0;
  detections.ms = 0;
  const kind = await identify(file, opts);
  return kind === 'photo' ? analyzePhoto(file, opts, onProgress) : analyzeVideo(file, opts, onProgress);
}

// ---------------------------------------------------------------- photo

async function analyzePhoto(file: Blob, opts: AnalyzeOptions, onProgress: Progress): Promise<AnalysisResult> {
  const t0 = performance.now();
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const dims = imageDimensions(head, sniffImage(head)!);
  if (!dims || !dims.width || !dims.height) refuse('corrupt', `“${opts.name}” looks damaged: its size could not be read.`);
  const base: PhotoMeasurements = { bytes: file.size, width: dims.width, height: dims.height, faces: null, backdrop: null };
  // Too big to be worth decoding: report what is wrong without touching the pixels.
  if (file.size > 10 * 1024 * 1024 || Math.max(dims.width, dims.height) > 4000) {
    return { report: photoReport(base), prepared: null, timings: { total: performance.now() - t0 }, detections: { ...detections } };
  }
  onProgress({ stage: 'reading', progress: 0 });
  let bitmap: ImageBitmap;
  try {
    // EXIF orientation applied: a phone photo stands upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (err) {
    refuse('corrupt', `“${opts.name}” looks damaged: the picture could not be decoded.`, err);
  }
  const { width, height } = bitmap;
  onProgress({ stage: 'faces', progress: 0 });
  const found = await faces(bitmap);
  const one = found.length === 1 ? found[0]! : null;
  const stats = faceStats([{ faces: found, sharpness: one ? sharpnessOf(bitmap, one) : null }], width, height);
  const m: PhotoMeasurements = { ...base, width, height, faces: stats, backdrop: opts.key ? backdropOf(bitmap, width, height, opts.key) : null };
  const report = photoReport(m);
  let prepared: PreparedAvatar | null = null;
  if (acceptable(report) && one && opts.prepare !== false) {
    onProgress({ stage: 'preparing', progress: 0 });
    const output = outputSize(width, height);
    const g = scratch(output.width, output.height);
    g.imageSmoothingQuality = 'high';
    g.drawImage(bitmap, 0, 0, output.width, output.height);
    const still = await (g.canvas as OffscreenCanvas).convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    prepared = {
      kind: 'photo',
      media: { mime: file.type || 'image/jpeg', size: file.size, width, height },
      output,
      track: { fps: 0, width, height, frames: [{ box: one.box, keypoints: one.keypoints }] },
      material: { still },
      thumbnail: await thumbnail(bitmap, one),
      preprocessMs: performance.now() - t0,
    };
  }
  bitmap.close();
  return { report, prepared, timings: { total: performance.now() - t0 }, detections: { ...detections } };
}

/** A 256 px 4:5 crop around the face. */
async function thumbnail(src: CanvasImageSource & { width: number; height: number }, face: { box: [number, number, number, number] }): Promise<Blob> {
  const [x, y, w, h] = face.box;
  const cw = Math.min(src.width, w * 2.4);
  const ch = Math.min(src.height, cw * 1.25);
  const cx = Math.min(Math.max(0, x + w / 2 - cw / 2), src.width - cw);
  const cy = Math.min(Math.max(0, y + h * 0.45 - ch / 2), src.height - ch);
  const g = scratch(256, 320);
  g.imageSmoothingQuality = 'high';
  g.drawImage(src, cx, cy, cw, ch, 0, 0, 256, 320);
  return (g.canvas as OffscreenCanvas).convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}

// ---------------------------------------------------------------- video

async function openVideo(file: Blob, name: string): Promise<{ input: Input; track: InputVideoTrack }> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack().catch((err: unknown) => {
    input.dispose();
    refuse('corrupt', `“${name}” looks damaged: its video could not be read.`, err);
  });
  if (!track) {
    input.dispose();
    // It starts like a video (checked by its bytes) but holds no readable picture: damaged.
    refuse('corrupt', `“${name}” looks damaged: no video picture could be read from it. Export or copy it again.`);
  }
  return { input, track };
}

/** 50 ms RMS levels of the first channel, decoded as a stream. */
async function soundLevels(input: Input, onProgress: Progress, duration: number): Promise<number[] | null> {
  const audio = await input.getPrimaryAudioTrack().catch(() => null);
  if (!audio) return null;
  if (!(await audio.canDecode().catch(() => false))) return null;
  const sink = new AudioSampleSink(audio);
  const levels: number[] = [];
  let block = 0;
  let acc = 0;
  let n = 0;
  let buf = new Float32Array(0);
  for await (const sample of sink.samples()) {
    const frames = sample.numberOfFrames;
    if (buf.length < frames) buf = new Float32Array(frames);
    sample.copyTo(buf, { planeIndex: 0, format: 'f32-planar', frameCount: frames });
    block ||= Math.max(1, Math.round(sample.sampleRate / 20));
    for (let i = 0; i < frames; i++) {
      acc += buf[i]! * buf[i]!;
      if (++n === block) {
        const rms = Math.sqrt(acc / n);
        levels.push(rms > 1e-6 ? 20 * Math.log10(rms) : -120);
        acc = 0;
        n = 0;
      }
    }
    onProgress({ stage: 'sound', progress: Math.min(1, sample.timestamp / Math.max(0.1, duration)) });
    sample.close();
  }
  return levels;
}

async function analyzeVideo(file: Blob, opts: AnalyzeOptions, onProgress: Progress): Promise<AnalysisResult> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  onProgress({ stage: 'reading', progress: 0 });
  const { input, track } = await openVideo(file, opts.name);
  try {
    const width = track.displayWidth;
    const height = track.displayHeight;
    if (!width || !height) refuse('corrupt', `“${opts.name}” looks damaged: its picture size could not be read.`);
    let seconds: number;
    try {
      seconds = await input.computeDuration();
    } catch (err) {
      refuse('corrupt', `“${opts.name}” looks damaged: its length could not be read.`, err);
    }
    if (!(seconds > 0)) refuse('corrupt', `“${opts.name}” looks damaged: it has no length.`);
    const stats = await track.computePacketStats(120).catch(() => null);
    const fps = stats && stats.averagePacketRate > 0 ? stats.averagePacketRate : null;
    const rotation = track.rotation;
    const hasAudio = (await input.getPrimaryAudioTrack().catch(() => null)) != null;
    const m: VideoMeasurements = { bytes: file.size, width, height, rotation, seconds, fps, faces: null, shake: null, audio: null, backdrop: null };
    // Length, size and resolution first: material that fails them is not decoded at all.
    const gate = videoReport({ ...m, audio: hasAudio ? { noiseFloorDb: -90, speechDb: 0, leadingSilence: 1, midLevelShare: 0, leadMouthActivity: null } : null });
    const gated = gate.items.filter((i) => ['duration', 'resolution', 'size'].includes(i.id) && i.status === 'fail');
    if (gated.length) {
      const items = gate.items.filter((i) => ['duration', 'resolution', 'size', 'fps'].includes(i.id) || (i.id === 'audio' && !hasAudio));
      return { report: { kind: 'video', items, status: 'fail' }, prepared: null, timings: { total: performance.now() - t0 }, detections: { ...detections } };
    }
    if (!(await track.canDecode().catch(() => false))) {
      refuse('unsupported', `This browser cannot decode “${opts.name}” (${track.codec ?? 'unknown codec'}). Convert it to an H.264 MP4 and try again.`);
    }
    timings.open = performance.now() - t0;

    // Faces over the whole video, FACE_FPS samples a second (streamed, decoded once).
    const t1 = performance.now();
    const aw = Math.min(ANALYSIS_WIDTH, width);
    const ah = Math.round((aw * height) / width);
    const count = Math.min(MAX_FACE_SAMPLES, Math.max(10, Math.floor(seconds * FACE_FPS)));
    const times = Array.from({ length: count }, (_, i) => ((i + 0.5) * seconds) / count);
    const sink = new CanvasSink(track, { width: aw, height: ah, fit: 'fill', poolSize: 2 });
    const perFrame: FrameFaces[] = [];
    const shifts: number[] = [];
    const backdrops: Array<{ coverage: number; spread: number }> = [];
    let prevGray: Gray | null = null;
    let lastFace: Face | null = null;
    let prevT = 0;
    let k = 0;
    let waitFrom = performance.now();
    let decodeMs = 0;
    let detectMs = 0;
    let measureMs = 0;
    for await (const wrapped of sink.canvasesAtTimestamps(times)) {
      decodeMs += performance.now() - waitFrom;
      k++;
      if (!wrapped) continue;
      const c = wrapped.canvas as OffscreenCanvas;
      const td = performance.now();
      // The whole frame is searched every FULL_EVERY samples (that counts faces); in between
      // only a window around the face is (tracking: one model run instead of several).
      const full: boolean = (k - 1) % FULL_EVERY === 0 || !lastFace;
      let found: Face[] = full ? await faces(c) : await faces(c, [trackingRegion(lastFace!, aw, ah)]);
      let counted = full;
      if (!found.length && !full) {
        found = await faces(c);
        counted = true;
      }
      const one: Face | undefined = found[0];
      lastFace = one ?? null;
      const tm = performance.now();
      detectMs += tm - td;
      perFrame.push({ faces: found, counted, sharpness: (found.length === 1 || !counted) && one ? sharpnessOf(c, one) : null });
      // Camera shake: background motion between samples, the face masked out.
      const sw = 160;
      const sh = Math.round((160 * ah) / aw);
      const gray = grayOf(c, { x: 0, y: 0, w: aw, h: ah }, sw, sh);
      if (prevGray) {
        const ex = one ? { x: ((one.box[0] - one.box[2] * 0.6) * sw) / aw, y: ((one.box[1] - one.box[3] * 0.6) * sh) / ah, w: (one.box[2] * 2.2 * sw) / aw, h: (sh * 2) } : undefined;
        const [dx, dy] = globalShift(prevGray, gray, 6, ex);
        const dt = Math.max(0.05, wrapped.timestamp - prevT);
        shifts.push((Math.hypot(dx, dy) / sw) * 100 / Math.max(1, dt));
      }
      prevGray = gray;
      prevT = wrapped.timestamp;
      if (opts.key && backdrops.length < 8 && k % 3 === 1) backdrops.push(backdropOf(c, aw, ah, opts.key));
      onProgress({ stage: 'faces', progress: k / count });
      measureMs += performance.now() - tm;
      waitFrom = performance.now();
    }
    timings.facesDecode = decodeMs;
    timings.facesDetect = detectMs;
    timings.facesMeasure = measureMs;
    m.faces = faceStats(perFrame, aw, ah);
    m.shake = shifts.length ? shifts.reduce((a, b) => a + b, 0) / shifts.length : 0;
    if (backdrops.length) m.backdrop = { coverage: backdrops.reduce((a, b) => a + b.coverage, 0) / backdrops.length, spread: backdrops.reduce((a, b) => a + b.spread, 0) / backdrops.length };
    timings.faces = performance.now() - t1;

    // Sound: levels → noise floor, leading silence.
    const t2 = performance.now();
    const levels = hasAudio ? await soundLevels(input, onProgress, seconds) : null;
    const sound = levels && levels.length ? audioStats(levels) : null;
    timings.sound = performance.now() - t2;

    // The warp material (also measures mouth activity during the leading silence).
    const t3 = performance.now();
    const wantMaterial = opts.prepare !== false && m.faces.one > 0;
    const material = wantMaterial ? await prepareVideo(track, width, height, seconds, fps ?? 25, sound?.leadingSilence ?? 0, onProgress) : null;
    timings.material = performance.now() - t3;
    if (sound) m.audio = { ...sound, leadMouthActivity: material?.leadActivity ?? null };
    const report = videoReport(m);
    let prepared: PreparedAvatar | null = null;
    if (material && acceptable(report)) {
      prepared = {
        kind: 'video',
        media: { mime: file.type || 'video/mp4', size: file.size, width, height, duration: seconds, ...(fps ? { fps } : {}), rotation: ((rotation % 360) + 360) % 360 as 0 | 90 | 180 | 270 },
        output: material.output,
        track: material.track,
        loop: material.loop,
        mouth: material.mouth,
        material: { loopFrames: material.loopFrames, patches: material.patches },
        thumbnail: material.thumbnail,
        preprocessMs: performance.now() - t0,
      };
    }
    timings.total = performance.now() - t0;
    return { report, prepared, timings, detections: { ...detections } };
  } finally {
    input.dispose();
  }
}

interface VideoMaterialResult {
  output: { width: number; height: number };
  track: FaceTrack;
  loop: AvatarLoop;
  mouth: MouthFeatures;
  loopFrames: Blob[];
  patches: MouthPatchRecord[];
  thumbnail: Blob;
  leadActivity: number | null;
}

/**
 * Decodes the first MATERIAL_SECONDS at the output size, tracks the face frame to frame (a
 * window around the last face; a full search when it is lost), measures each mouth, keeps every
 * frame as JPEG for the loop choice and cuts a mouth patch from each.
 */
async function prepareVideo(track: InputVideoTrack, width: number, height: number, seconds: number, fps: number, leadSeconds: number, onProgress: Progress): Promise<VideoMaterialResult | null> {
  const output = outputSize(width, height);
  const mfps = Math.min(MATERIAL_FPS, Math.round(fps));
  const end = Math.min(seconds, MATERIAL_SECONDS);
  const sink = new CanvasSink(track, { width: output.width, height: output.height, fit: 'fill', poolSize: 3 });
  const raw: TrackedFace[] = [];
  const jpegs: Blob[] = [];
  const cuts: Array<{ blob: Blob; x: number; y: number } | null> = [];
  const open: number[] = [];
  const wide: number[] = [];
  const activity: number[] = [];
  let prevMouth: Gray | null = null;
  let last: Face | null = null;
  let next = 0;
  for await (const wrapped of sink.canvases(0, end)) {
    if (wrapped.timestamp + 1e-3 < next / mfps) continue;
    next++;
    const c = wrapped.canvas as OffscreenCanvas;
    let found: Face[] = last ? await faces(c, [trackingRegion(last, output.width, output.height)]) : [];
    if (!found.length) found = await faces(c);
    const face: Face | null = found[0] ?? null;
    last = face;
    raw.push(face && { box: face.box, keypoints: face.keypoints });
    jpegs.push(await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 }));
    if (face) {
      const mb = mouthBox(face);
      const g = grayOf(c, mb, 64, 40);
      const f = mouthOpening(g);
      open.push(f.open);
      wide.push(f.wide);
      activity.push(prevMouth ? meanAbsDiff(prevMouth, g) : 0);
      prevMouth = g;
      // A generous patch around the mouth; its final centre comes from the smoothed track.
      const d = eyeDistance(face);
      const m = face.keypoints[KEYPOINT.mouth]!;
      const pw = Math.round(d * 1.7);
      const ph = Math.round(d * 1.25);
      const px = Math.round(m[0] - pw / 2);
      const py = Math.round(m[1] - ph * 0.42);
      const pg = scratch(pw, ph);
      pg.drawImage(c, px, py, pw, ph, 0, 0, pw, ph);
      cuts.push({ blob: await (pg.canvas as OffscreenCanvas).convertToBlob({ type: 'image/jpeg', quality: 0.9 }), x: px, y: py });
    } else {
      open.push(0);
      wide.push(0);
      activity.push(0);
      cuts.push(null);
    }
    onProgress({ stage: 'preparing', progress: Math.min(1, wrapped.timestamp / end) });
  }
  const frames = smoothTrack(fillGaps(raw));
  if (!frames.some(Boolean)) return null;
  const leadFrames = Math.floor(leadSeconds * mfps);
  const loop = chooseLoop(open, mfps, leadFrames, 3);
  // Frames without a face cannot be loop frames: shrink the loop to the faced part.
  while (loop.end > loop.start && !frames[loop.end]) loop.end--;
  while (loop.start < loop.end && !frames[loop.start]) loop.start++;
  const patches: MouthPatchRecord[] = [];
  cuts.forEach((cut, i) => {
    const f = frames[i];
    if (!cut || !f) return;
    const mk = f.keypoints[KEYPOINT.mouth]!;
    patches.push({ frame: i, blob: cut.blob, center: [mk[0] - cut.x, mk[1] - cut.y] as Point, d: eyeDistance(f) });
  });
  const lead = activity.slice(1, Math.max(1, leadFrames));
  const speech = activity.slice(Math.max(1, leadFrames));
  const mean = (a: number[]): number => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
  const speechAct = mean(speech);
  const leadActivity = lead.length >= 3 && speechAct > 0.5 ? Math.min(1, mean(lead) / speechAct) : null;
  const thumbFace = frames[loop.start] ?? frames.find(Boolean)!;
  const thumbBitmap = await createImageBitmap(jpegs[loop.start]!);
  const thumb = await thumbnail(thumbBitmap, thumbFace!);
  thumbBitmap.close();
  return {
    output,
    track: { fps: mfps, width: output.width, height: output.height, frames },
    loop,
    mouth: { open, wide },
    loopFrames: jpegs.slice(loop.start, loop.end + 1),
    patches,
    thumbnail: thumb,
    leadActivity,
  };
}
