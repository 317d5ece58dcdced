/*
 * Converts a product video the browser cannot decode (ProRes, HEVC on Linux, …) to H.264 MP4
 * with ffmpeg.wasm. @ffmpeg/ffmpeg runs the core in its own worker; this client owns it: one
 * fresh worker per job, terminated afterwards (and on abort — a running wasm call cannot be
 * interrupted otherwise). The core (31 MB) is self-hosted: Vite emits it with the build, and
 * nothing is fetched from a CDN.
 */
import { FFFSType, FFmpeg } from '@ffmpeg/ffmpeg';
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';
import { MediaError } from './media.ts';
import { transcodeArgs } from './transcode-args.ts';

export interface TranscodeOptions {
  signal?: AbortSignal;
  /** 0..1 */
  onProgress?: (fraction: number) => void;
  /** Longest side of the result (default 1920). */
  maxSide?: number;
}

export async function transcodeToMp4(file: File, opts: TranscodeOptions = {}): Promise<Blob> {
  const ffmpeg = new FFmpeg();
  const log: string[] = [];
  const stop = () => ffmpeg.terminate();
  opts.signal?.addEventListener('abort', stop, { once: true });
  try {
    await ffmpeg.load({ coreURL, wasmURL });
    ffmpeg.on('log', ({ message }) => {
      log.push(message);
      if (log.length > 40) log.shift();
    });
    ffmpeg.on('progress', ({ progress }) => opts.onProgress?.(Math.max(0, Math.min(1, progress))));
    // WORKERFS reads the file where it lies: a 500 MB video is never copied into wasm memory.
    await ffmpeg.createDir('/in');
    await ffmpeg.mount(FFFSType.WORKERFS, { files: [file] }, '/in');
    const code = await ffmpeg.exec(transcodeArgs(`/in/${file.name}`, '/out.mp4', opts.maxSide));
    if (code !== 0) {
      const why = log.filter((l) => /error|invalid|unsupported|not found/i.test(l)).pop() ?? `ffmpeg exit code ${code}`;
      throw new MediaError('unsupported', `“${file.name}” could not be converted to MP4 (${why.trim()}).`);
    }
    const data = await ffmpeg.readFile('/out.mp4');
    if (typeof data === 'string' || data.length === 0) throw new MediaError('unsupported', `“${file.name}” could not be converted to MP4.`);
    opts.onProgress?.(1);
    return new Blob([data as Uint8Array<ArrayBuffer>], { type: 'video/mp4' });
  } catch (err) {
    if (opts.signal?.aborted) throw new MediaError('unsupported', 'Conversion cancelled.');
    if (err instanceof MediaError) throw err;
    throw new MediaError('unsupported', `“${file.name}” could not be converted to MP4: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    opts.signal?.removeEventListener('abort', stop);
    try {
      ffmpeg.terminate();
    } catch {
      // already terminated
    }
  }
}
