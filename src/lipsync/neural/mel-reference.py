"""Independent reference for Wav2Lip's audio features, written from Wav2Lip's audio.py and
librosa 0.7's stft/filters.mel using numpy only. Reads float32 PCM (16 kHz) from argv[1],
writes the (80, T) mel as float32 to argv[2], then the chunk starts for fps argv[3] to argv[4]."""
import sys
import numpy as np

def hz_to_mel(f):
    f = np.asanyarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-10) / min_log_hz) / logstep, mels)

def mel_to_hz(m):
    m = np.asanyarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)

def mel_filters(sr=16000, n_fft=800, n_mels=80, fmin=55, fmax=7600):
    fftfreqs = np.linspace(0, sr / 2.0, 1 + n_fft // 2)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, 1 + n_fft // 2))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels])
    return weights * enorm[:, np.newaxis]

def melspectrogram(wav):
    y = np.append(wav[0], wav[1:] - 0.97 * wav[:-1]).astype(np.float64)
    n_fft, hop = 800, 200
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)
    y = np.pad(y, n_fft // 2, mode='reflect')
    n_frames = 1 + (len(y) - n_fft) // hop
    frames = np.stack([y[t * hop:t * hop + n_fft] * window for t in range(n_frames)], axis=1)
    D = np.abs(np.fft.rfft(frames, axis=0))
    S = np.dot(mel_filters(), D)
    min_level = np.exp(-100 / 20 * np.log(10))
    S = 20 * np.log10(np.maximum(min_level, S)) - 20
    return np.clip((2 * 4) * ((S + 100) / 100) - 4, -4, 4)

wav = np.fromfile(sys.argv[1], dtype=np.float32)
mel = melspectrogram(wav)
mel.astype(np.float32).tofile(sys.argv[2])
fps = float(sys.argv[3])
starts = []
mel_idx_multiplier = 80. / fps
i = 0
while 1:
    start_idx = int(i * mel_idx_multiplier)
    if start_idx + 16 > len(mel[0]):
        starts.append(len(mel[0]) - 16)
        break
    starts.append(start_idx)
    i += 1
np.array(starts, dtype=np.int32).tofile(sys.argv[4])
