/** Plays mono PCM once through one shared AudioContext; starting another sound stops the last. */
let ctx: AudioContext | null = null;
let current: { source: AudioBufferSourceNode; done: () => void } | null = null;

export function stopPlayback(): void {
  const c = current;
  current = null;
  if (!c) return;
  try {
    c.source.stop();
  } catch {
    // never started
  }
  c.done();
}

/** Resolves when the sound ends or is stopped. */
export function playPcm(pcm: Float32Array, sampleRate: number): Promise<void> {
  stopPlayback();
  ctx ??= new AudioContext();
  void ctx.resume();
  const buf = ctx.createBuffer(1, pcm.length, sampleRate);
  buf.copyToChannel(pcm as Float32Array<ArrayBuffer>, 0);
  const source = ctx.createBufferSource();
  source.buffer = buf;
  source.connect(ctx.destination);
  return new Promise<void>((resolve) => {
    const entry = { source, done: resolve };
    current = entry;
    source.onended = () => {
      if (current === entry) current = null;
      resolve();
    };
    source.start();
  });
}
