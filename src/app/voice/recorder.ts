/**
 * Microphone recording with MediaRecorder. Echo cancellation and noise suppression are off:
 * this is a voiceover, not a call, and those filters colour the voice. Reports a level (0..1)
 * for the meter while recording.
 */
import { VoiceFileError } from '../../voice/audio-file.ts';

export interface Recording {
  stop(): Promise<File>;
  cancel(): void;
}

export async function startRecording(onLevel: (level: number) => void, maxSeconds = 75): Promise<Recording> {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
    throw new VoiceFileError('microphone', 'This browser cannot record audio. Upload a recording instead.');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 } });
  } catch (err) {
    const name = (err as { name?: string }).name;
    const why = name === 'NotAllowedError' ? 'Microphone access was refused. Allow it in the address bar and try again.' : name === 'NotFoundError' ? 'No microphone was found.' : `The microphone could not be opened (${(err as Error).message}).`;
    throw new VoiceFileError('microphone', why, { cause: err });
  }
  const mime = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/mp4'].find((m) => MediaRecorder.isTypeSupported(m)) ?? '';
  const rec = new MediaRecorder(stream, mime ? { mimeType: mime } : undefined);
  const chunks: Blob[] = [];
  rec.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const ctx = new AudioContext();
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  ctx.createMediaStreamSource(stream).connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  let raf = 0;
  const tick = (): void => {
    analyser.getFloatTimeDomainData(buf);
    let peak = 0;
    for (const v of buf) peak = Math.max(peak, Math.abs(v));
    onLevel(peak);
    raf = requestAnimationFrame(tick);
  };
  tick();
  const end = (): void => {
    cancelAnimationFrame(raf);
    for (const t of stream.getTracks()) t.stop();
    void ctx.close();
  };
  const stopped = new Promise<void>((resolve) => (rec.onstop = () => resolve()));
  rec.start(250);
  const limit = setTimeout(() => rec.state !== 'inactive' && rec.stop(), maxSeconds * 1000);
  return {
    async stop(): Promise<File> {
      clearTimeout(limit);
      if (rec.state !== 'inactive') rec.stop();
      await stopped;
      end();
      const type = rec.mimeType || mime || 'audio/webm';
      const ext = type.includes('ogg') ? 'ogg' : type.includes('mp4') ? 'm4a' : 'webm';
      const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
      return new File(chunks, `Recording ${stamp.replace(':', '-')}.${ext}`, { type });
    },
    cancel(): void {
      clearTimeout(limit);
      if (rec.state !== 'inactive') rec.stop();
      end();
    },
  };
}
