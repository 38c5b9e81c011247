import { z } from 'zod';
import { AiError } from '../errors.ts';
import { backoffMs, type ChatClientOptions, retryAfterMs } from '../llm/chat-client.ts';
import { type ChannelResult, transcribeByChannel } from './by-channel.ts';
import type { Audio, Transcriber } from './port.ts';
import { decodeWav, encodeWav, isWav } from './wav.ts';
import { languageCode } from './whisper-languages.ts';

/** The same connection and retry settings as the chat client's, for another endpoint of the same kind of server. */
export interface OpenAiTranscriberOptions
  extends Pick<
    ChatClientOptions,
    'baseUrl' | 'apiKey' | 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'fetch' | 'sleep'
  > {
  /** `whisper-1` on OpenAI; whatever the server calls its model elsewhere. It must answer verbose_json. */
  model?: string | undefined;
  /** Per request: an hour of audio takes a while to upload and transcribe. */
  timeoutMs?: number;
}

/** OpenAI's verbose_json transcription object; servers add fields, and only these are read. */
const VerboseJson = z.object({
  language: z.string().optional(),
  text: z.string(),
  segments: z
    .array(
      z.object({
        start: z.number(),
        end: z.number(),
        text: z.string(),
        avg_logprob: z.number().optional(),
        no_speech_prob: z.number().optional(),
      }),
    )
    .optional(),
});

const ErrorBody = z.object({ error: z.object({ message: z.string() }) });

const DEFAULTS = {
  model: 'whisper-1',
  timeoutMs: 300_000,
  maxAttempts: 4,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
};

/**
 * Whisper's own test for a segment it made up over silence (as on the quiet side of a
 * dual-channel call): likely no speech and low confidence together.
 */
function madeUp(segment: { avg_logprob?: number | undefined; no_speech_prob?: number | undefined }): boolean {
  return (segment.no_speech_prob ?? 0) > 0.6 && (segment.avg_logprob ?? 0) < -1;
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

/**
 * `POST {baseUrl}/audio/transcriptions` on any OpenAI-compatible server (multipart: file, model,
 * language, response_format=verbose_json). A dual-channel WAV is sent one channel at a time so each
 * segment knows its speaker. 429, 5xx, timeouts and network failures are retried with backoff
 * (Retry-After first); refusals (401, 400, 413) fail at once with the server's own words.
 */
export function createOpenAiTranscriber(options: OpenAiTranscriberOptions): Transcriber {
  const settings = { ...DEFAULTS, ...options, model: options.model ?? DEFAULTS.model };
  const url = `${options.baseUrl.replace(/\/+$/, '')}/audio/transcriptions`;
  const send = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const name = `openai:${settings.model}`;

  async function attempt(
    form: FormData,
    signal: AbortSignal | undefined,
  ): Promise<z.infer<typeof VerboseJson> | { retry: AiError; waitMs: number | null }> {
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: form,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted)
        throw new AiError('unavailable', 'The transcription was cancelled.', { cause: error });
      const message = timeout.aborted
        ? `The transcription server (STT_BASE_URL) did not answer within ${settings.timeoutMs / 1000} s.`
        : `The transcription server (STT_BASE_URL) could not be reached: ${reason(error)}.`;
      return { retry: new AiError('unavailable', message, { cause: error }), waitMs: null };
    }
    const text = await response.text().catch(() => '');
    if (response.status === 429 || response.status >= 500)
      return {
        retry: new AiError(
          response.status === 429 ? 'rate_limited' : 'unavailable',
          `The transcription server answered HTTP ${response.status}.`,
        ),
        waitMs: retryAfterMs(response.headers.get('retry-after')),
      };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const said = ErrorBody.safeParse(body);
      const hint = response.status === 401 || response.status === 403 ? ' Check STT_API_KEY.' : '';
      throw new AiError(
        'invalid',
        `The transcription server refused the audio (HTTP ${response.status})${said.success ? `: ${said.data.error.message}` : '.'}${hint}`,
      );
    }
    const parsed = VerboseJson.safeParse(body);
    if (!parsed.success)
      throw new AiError(
        'invalid',
        `The transcription server did not answer verbose_json: check that STT_MODEL (${settings.model}) supports it.`,
      );
    return parsed.data;
  }

  async function transcribeFile(
    bytes: Uint8Array,
    contentType: string,
    language: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<ChannelResult> {
    const form = new FormData();
    const extension = contentType.includes('mpeg') ? 'mp3' : contentType.split('/')[1] || 'wav';
    form.append('file', new Blob([bytes], { type: contentType }), `recording.${extension}`);
    form.append('model', settings.model);
    if (language) form.append('language', language);
    form.append('response_format', 'verbose_json');
    for (let n = 1; ; n++) {
      const outcome = await attempt(form, signal);
      if (!('retry' in outcome)) {
        const segments =
          outcome.segments ?? (outcome.text.trim() ? [{ start: 0, end: 0, text: outcome.text }] : []);
        return {
          language: languageCode(outcome.language) ?? language ?? null,
          utterances: segments
            .filter((segment) => !madeUp(segment) && segment.text.trim())
            .map((segment) => ({ start: segment.start, end: segment.end, text: segment.text.trim() })),
        };
      }
      if (n >= settings.maxAttempts) throw outcome.retry;
      await sleep(
        Math.min(
          settings.maxDelayMs,
          outcome.waitMs ?? backoffMs(n, settings.baseDelayMs, settings.maxDelayMs),
        ),
      );
      if (signal?.aborted) throw new AiError('unavailable', 'The transcription was cancelled.');
    }
  }

  return {
    name,
    async transcribe(audio: Audio, { language, signal } = {}) {
      const primary = language?.toLowerCase().split('-')[0];
      // An MP3 cannot be split here: it goes whole, and its speakers stay unknown.
      if (!isWav(audio.bytes)) {
        const one = await transcribeFile(audio.bytes, audio.contentType, primary, signal);
        return {
          language: one.language,
          segments: one.utterances.map((utterance) => ({ speaker: 'unknown' as const, ...utterance })),
          engine: name,
        };
      }
      const pcm = decodeWav(audio.bytes);
      const byChannel = await transcribeByChannel(pcm, (mono) =>
        transcribeFile(encodeWav(mono), 'audio/wav', primary, signal),
      );
      return { ...byChannel, engine: name };
    },
  };
}
