import { AiError } from '../errors.ts';

/**
 * RIFF/WAVE reading and writing, pure. Twilio serves recordings as 16-bit PCM WAV (8 kHz, one
 * or two channels); espeak-ng writes 16-bit PCM too; G.711 µ-law and 32-bit float are read as
 * well since telephony tools often produce them.
 */

export interface Pcm {
  sampleRate: number;
  /** One array per channel, samples in [-1, 1]. */
  channels: Float32Array[];
}

function unreadable(message: string): AiError {
  return new AiError('invalid', message);
}

const PCM = 1;
const FLOAT = 3;
const MULAW = 7;
const EXTENSIBLE = 0xfffe;

function tag(view: DataView, at: number): string {
  return String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );
}

function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)) - 0x84;
  return ((u & 0x80) !== 0 ? -magnitude : magnitude) / 32768;
}

export function isWav(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 12) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return tag(view, 0) === 'RIFF' && tag(view, 8) === 'WAVE';
}

export function decodeWav(bytes: Uint8Array): Pcm {
  if (!isWav(bytes))
    throw unreadable(
      'The audio is not a WAV file: fetch the recording as .wav (Twilio serves both .wav and .mp3)',
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: { code: number; channels: number; sampleRate: number; bits: number } | undefined;
  let at = 12;
  while (at + 8 <= view.byteLength) {
    const id = tag(view, at);
    const declared = view.getUint32(at + 4, true);
    const body = at + 8;
    // Streaming writers (espeak-ng to stdout among them) leave 0x7fffffff or 0 as the data size.
    const size = Math.min(declared, view.byteLength - body);
    if (id === 'fmt ') {
      const raw = view.getUint16(body, true);
      format = {
        code: raw === EXTENSIBLE && size >= 26 ? view.getUint16(body + 24, true) : raw,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw unreadable('The WAV file has its data before its format chunk');
      const length = declared === 0 ? view.byteLength - body : size;
      return { sampleRate: format.sampleRate, channels: samples(view, body, length, format) };
    }
    at = body + size + (size % 2);
  }
  throw unreadable('The WAV file has no data chunk');
}

function samples(
  view: DataView,
  start: number,
  length: number,
  format: { code: number; channels: number; bits: number },
): Float32Array[] {
  const { code, channels, bits } = format;
  const read =
    code === PCM && bits === 16
      ? (at: number) => view.getInt16(at, true) / 32768
      : code === PCM && bits === 8
        ? (at: number) => (view.getUint8(at) - 128) / 128
        : code === FLOAT && bits === 32
          ? (at: number) => view.getFloat32(at, true)
          : code === MULAW && bits === 8
            ? (at: number) => mulawToLinear(view.getUint8(at))
            : undefined;
  if (!read || channels < 1)
    throw unreadable(`WAV format ${code} with ${bits}-bit samples is not supported: use 16-bit PCM`);
  const frameBytes = (bits / 8) * channels;
  const frames = Math.floor(length / frameBytes);
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame++)
    for (let channel = 0; channel < channels; channel++)
      (out[channel] as Float32Array)[frame] = read(start + frame * frameBytes + (channel * bits) / 8);
  return out;
}

/** 16-bit PCM, channels interleaved; all channels must have the same length. */
export function encodeWav(pcm: Pcm): Uint8Array {
  const channels = pcm.channels.length;
  const frames = pcm.channels[0]?.length ?? 0;
  const dataBytes = frames * channels * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const write = (at: number, text: string) => {
    for (let i = 0; i < 4; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  write(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  write(8, 'WAVE');
  write(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, PCM, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  write(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let frame = 0; frame < frames; frame++)
    for (let channel = 0; channel < channels; channel++) {
      const sample = Math.max(-1, Math.min(1, pcm.channels[channel]?.[frame] ?? 0));
      view.setInt16(44 + (frame * channels + channel) * 2, Math.round(sample * 32767), true);
    }
  return bytes;
}

/**
 * Resampling for speech going to the 16 kHz that recognisers expect. Going down, each output
 * sample averages the input it covers: a gentle low-pass that keeps the top of a wideband recording
 * (espeak-ng's 22 kHz among them) from folding back into the speech band, which measurably costs
 * Pocketsphinx words. Going up, linear interpolation.
 */
export function resample(samples: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return samples;
  const length = Math.floor((samples.length * to) / from);
  const out = new Float32Array(length);
  const step = from / to;
  for (let i = 0; i < length; i++) {
    const position = i * step;
    if (step > 1) {
      const first = Math.floor(position);
      const last = Math.min(samples.length, Math.floor(position + step));
      let sum = 0;
      for (let j = first; j < last; j++) sum += samples[j] ?? 0;
      out[i] = sum / Math.max(1, last - first);
    } else {
      const left = Math.floor(position);
      const right = Math.min(left + 1, samples.length - 1);
      const weight = position - left;
      out[i] = (samples[left] ?? 0) * (1 - weight) + (samples[right] ?? 0) * weight;
    }
  }
  return out;
}
