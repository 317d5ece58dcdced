/** ffmpeg arguments for converting a product video (shared by ffmpeg.wasm and the tests' native ffmpeg). */

/** The ffmpeg arguments: H.264 (yuv420p, even size, at most `maxSide`), AAC, fast start. */
export function transcodeArgs(input: string, output: string, maxSide = 1920): string[] {
  // Commas inside a filter expression must be escaped from the filtergraph parser.
  const k = `min(1\\,${maxSide}/max(iw\\,ih))`;
  return [
    '-i', input,
    '-map', '0:v:0', '-map', '0:a:0?',
    '-vf', `scale=trunc(iw*${k}/2)*2:trunc(ih*${k}/2)*2`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '128k',
    '-movflags', '+faststart',
    output,
  ];
}
