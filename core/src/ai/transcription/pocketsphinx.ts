import { execFile } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AiError } from '../errors.ts';
import { transcribeByChannel } from './by-channel.ts';
import { parsePocketsphinxTimings } from './pocketsphinx-output.ts';
import type { Transcriber } from './port.ts';
import { decodeWav, encodeWav, isWav, resample } from './wav.ts';

/**
 * The offline engine: CMU Pocketsphinx from Debian (`apt-get install pocketsphinx
 * pocketsphinx-en-us`), run as a child process on each channel. It needs no network and no
 * download, but it knows US English only; other languages are refused rather than mistranscribed.
 */

const run = promisify(execFile);
const SAMPLE_RATE = 16_000;
const DEBIAN_MODEL = '/usr/share/pocketsphinx/model/en-us';
const LANGUAGES = new Set(['en']);
const NAME = 'offline:pocketsphinx-en-us';

export interface PocketsphinxOptions {
  /** The folder holding `en-us/` (acoustic model), `en-us.lm.bin` and `cmudict-en-us.dict`. */
  modelDir?: string;
  command?: string;
}

function refusal(error: unknown): AiError {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    return new AiError(
      'invalid',
      'The offline transcriber needs Pocketsphinx: run `apt-get install -y pocketsphinx pocketsphinx-en-us`, or set STT_BASE_URL.',
      { cause: error },
    );
  return new AiError('unavailable', `Pocketsphinx failed: ${(error as Error).message}`, { cause: error });
}

export function createPocketsphinxTranscriber(options: PocketsphinxOptions = {}): Transcriber {
  const modelDir = options.modelDir ?? DEBIAN_MODEL;
  const command = options.command ?? 'pocketsphinx_continuous';
  const model = [
    '-hmm',
    join(modelDir, 'en-us'),
    '-lm',
    join(modelDir, 'en-us.lm.bin'),
    '-dict',
    join(modelDir, 'cmudict-en-us.dict'),
  ];
  return {
    name: NAME,
    async transcribe(audio, transcribeOptions = {}) {
      const { language, signal } = transcribeOptions;
      const primary = language?.toLowerCase().split('-')[0];
      if (primary && !LANGUAGES.has(primary))
        throw new AiError(
          'invalid',
          `The offline transcriber knows English only, not "${language}": set STT_BASE_URL to a Whisper server to transcribe it.`,
        );
      if (!isWav(audio.bytes))
        throw new AiError(
          'invalid',
          `The offline transcriber reads WAV recordings, not ${audio.contentType}.`,
        );
      await access(join(modelDir, 'en-us.lm.bin')).catch((error) => {
        throw new AiError(
          'invalid',
          `The Pocketsphinx English model is missing from ${modelDir}: run \`apt-get install -y pocketsphinx-en-us\`.`,
          { cause: error },
        );
      });
      const pcm = decodeWav(audio.bytes);
      const folder = await mkdtemp(join(tmpdir(), 'parley-stt-'));
      try {
        const { segments } = await transcribeByChannel(pcm, async (mono) => {
          const file = join(folder, `${Math.random().toString(36).slice(2)}.wav`);
          const samples = resample(mono.channels[0] ?? new Float32Array(0), mono.sampleRate, SAMPLE_RATE);
          await writeFile(file, encodeWav({ sampleRate: SAMPLE_RATE, channels: [samples] }));
          try {
            const { stdout } = await run(
              command,
              ['-infile', file, '-time', 'yes', '-logfn', '/dev/null', ...model],
              {
                signal,
                maxBuffer: 64 * 1024 * 1024,
              },
            );
            return { language: 'en', utterances: parsePocketsphinxTimings(stdout) };
          } catch (error) {
            if (signal?.aborted)
              throw new AiError('unavailable', 'The transcription was cancelled.', { cause: error });
            throw refusal(error);
          }
        });
        return { language: 'en', segments, engine: NAME };
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
