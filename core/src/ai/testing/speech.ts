import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Audio, Speaker } from '../transcription/port.ts';
import { decodeWav, encodeWav, type Pcm } from '../transcription/wav.ts';

/**
 * Real speech for tests and the bench, made by Debian's espeak-ng (`apt-get install espeak-ng`;
 * .ci/run installs it). Synthetic voices are harder to recognise than people, so a transcript that
 * passes on them is a fair floor.
 */

export type SpeechLanguage = 'en' | 'fr';

const VOICES: Record<SpeechLanguage, string> = { en: 'en-us', fr: 'fr-fr' };
const run = promisify(execFile);

export class SpeechUnavailableError extends Error {
  override name = 'SpeechUnavailableError';
  readonly kind = 'unavailable';
}

/** `text` spoken in `language`, as espeak-ng's 22 050 Hz mono PCM. */
export async function speak(text: string, language: SpeechLanguage, wordsPerMinute = 150): Promise<Pcm> {
  try {
    const { stdout } = await run(
      'espeak-ng',
      ['-v', VOICES[language], '-s', String(wordsPerMinute), '--stdout', text],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
    );
    return decodeWav(new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new SpeechUnavailableError('espeak-ng is not installed: run `apt-get install -y espeak-ng`', {
        cause: error,
      });
    throw error;
  }
}

/** A mono WAV recording of `text`, as the carrier would hand it over. */
export async function speechAudio(text: string, language: SpeechLanguage): Promise<Audio> {
  return { bytes: encodeWav(await speak(text, language)), contentType: 'audio/wav', channels: 1 };
}

export interface Turn {
  speaker: Exclude<Speaker, 'unknown'>;
  text: string;
}

export interface TimedTurn extends Turn {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
}

/**
 * A dual-channel call as Twilio records it: the customer on channel 1, the rep on channel 2, each
 * turn in its own speaker's channel with silence on the other, `gap` seconds between turns.
 */
export async function conversation(
  turns: Turn[],
  language: SpeechLanguage,
  gap = 0.8,
): Promise<{ audio: Audio; turns: TimedTurn[] }> {
  const spoken = await Promise.all(turns.map((turn) => speak(turn.text, language)));
  const sampleRate = spoken[0]?.sampleRate ?? 22050;
  const gapFrames = Math.round(gap * sampleRate);
  const total = spoken.reduce((sum, pcm) => sum + (pcm.channels[0]?.length ?? 0) + gapFrames, gapFrames);
  const customer = new Float32Array(total);
  const rep = new Float32Array(total);
  const timed: TimedTurn[] = [];
  let at = gapFrames;
  turns.forEach((turn, i) => {
    const samples = spoken[i]?.channels[0] ?? new Float32Array(0);
    (turn.speaker === 'customer' ? customer : rep).set(samples, at);
    timed.push({ ...turn, start: at / sampleRate, end: (at + samples.length) / sampleRate });
    at += samples.length + gapFrames;
  });
  return {
    audio: {
      bytes: encodeWav({ sampleRate, channels: [customer, rep] }),
      contentType: 'audio/wav',
      channels: 2,
    },
    turns: timed,
  };
}
