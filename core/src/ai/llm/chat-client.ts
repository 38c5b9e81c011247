import { z } from 'zod';
import { AiError } from '../errors.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatClientOptions {
  /** An OpenAI-compatible API root, such as `https://api.openai.com/v1` or a local server's. */
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  /** Per request; a summary is not urgent, but a hung server must not hold the job forever. */
  timeoutMs?: number;
  /** Attempts in all, for 429 and 5xx answers and network failures. */
  maxAttempts?: number;
  /** First wait before a retry, doubled each time (with jitter), unless the server says Retry-After. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface ChatClient {
  readonly model: string;
  /** The assistant's content, as JSON text (`response_format: json_object`). */
  completeJson(messages: readonly ChatMessage[], signal?: AbortSignal): Promise<string>;
}

const CompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const DEFAULTS = { timeoutMs: 60_000, maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 30_000 };

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, baseDelayMs: number, maxDelayMs: number, random = Math.random) {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + random() / 2);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici keeps the useful part (ECONNREFUSED, ENOTFOUND) in the cause.
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

/**
 * Chat completions on any OpenAI-compatible server. Rate limits (429), server errors and network
 * failures are retried with backoff; a request that outlives `timeoutMs` counts as a failure too.
 * What cannot succeed by retrying (401, 400, an unreadable answer) fails at once.
 */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const settings = { ...DEFAULTS, ...options };
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const send = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  async function attempt(
    body: string,
    signal?: AbortSignal,
  ): Promise<string | { retry: AiError; waitMs: number | null }> {
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        headers,
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw new AiError('unavailable', 'The summary was cancelled.', { cause: error });
      const message = timeout.aborted
        ? `The language model did not answer within ${settings.timeoutMs / 1000} s.`
        : `The language model could not be reached: ${describe(error)}.`;
      return { retry: new AiError('unavailable', message, { cause: error }), waitMs: null };
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel().catch(() => undefined);
      const kind = response.status === 429 ? 'rate_limited' : 'unavailable';
      return {
        retry: new AiError(kind, `The language model answered HTTP ${response.status}.`),
        waitMs: retryAfterMs(response.headers.get('retry-after')),
      };
    }
    const text = await response.text();
    if (!response.ok) {
      const hint = response.status === 401 || response.status === 403 ? ' Check LLM_API_KEY.' : '';
      throw new AiError(
        'invalid',
        `The language model refused the request (HTTP ${response.status}).${hint}`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const completion = CompletionSchema.safeParse(parsed);
    if (!completion.success)
      throw new AiError('invalid', 'The language model answered something other than a chat completion.');
    // min(1) above guarantees a first choice.
    return completion.data.choices[0]!.message.content;
  }

  return {
    model: options.model,
    async completeJson(messages, signal) {
      const body = JSON.stringify({
        model: options.model,
        temperature: 0,
        messages,
        response_format: { type: 'json_object' },
      });
      for (let n = 1; ; n++) {
        const outcome = await attempt(body, signal);
        if (typeof outcome === 'string') return outcome;
        if (n >= settings.maxAttempts) throw outcome.retry;
        await sleep(
          Math.min(
            settings.maxDelayMs,
            outcome.waitMs ?? backoffMs(n, settings.baseDelayMs, settings.maxDelayMs),
          ),
        );
      }
    },
  };
}
