import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AiError } from '../errors.ts';
import { createChatClient } from '../llm/chat-client.ts';
import type { Transcript } from '../transcription/port.ts';
import { createLlmSummariser } from './llm-summariser.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

type Answer = (res: ServerResponse) => void;

/** An OpenAI-compatible server that keeps every request and answers from a queue. */
let server: ReturnType<typeof createServer>;
let baseUrl: string;
const seen: Seen[] = [];
let answers: Answer[] = [];

// The shape of an OpenAI chat completion (POST /v1/chat/completions), trimmed of nothing.
function completion(content: string) {
  return {
    id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
    object: 'chat.completion',
    created: 1741569952,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 210, completion_tokens: 64, total_tokens: 274 },
    service_tier: 'default',
    system_fingerprint: 'fp_06737a9306',
  };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

const rateLimited = (retryAfter?: string) =>
  json(
    429,
    {
      error: {
        message: 'Rate limit reached for gpt-4o-mini',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    },
    retryAfter ? { 'retry-after': retryAfter } : {},
  );

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(raw || 'null'),
      });
      const answer = answers.shift();
      if (answer) answer(res);
      // No answer queued: hang, like a server that never replies.
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((done) => server.once('listening', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

beforeEach(() => {
  seen.length = 0;
  answers = [];
});

const FRENCH_CALL: Transcript = {
  language: 'fr',
  engine: 'offline:whisper-base',
  segments: [
    {
      speaker: 'customer',
      start: 0.4,
      end: 3.1,
      text: 'Bonjour, je voudrais un devis pour dix imprimantes.',
    },
    { speaker: 'rep', start: 3.6, end: 6.2, text: 'Très bien, je vous envoie le devis demain.' },
  ],
};

function summariser(
  options: { sleep?: (ms: number) => Promise<void>; timeoutMs?: number; maxAttempts?: number } = {},
) {
  return createLlmSummariser(
    createChatClient({ baseUrl, apiKey: 'sk-test-123', model: 'gpt-4o-mini', ...options }),
  );
}

describe('the OpenAI-compatible summariser', () => {
  it('sends one chat completion request of the exact shape, and reads the JSON answer as an AI summary', async () => {
    answers.push(
      json(
        200,
        completion(
          JSON.stringify({
            summary: 'Le client demande un devis pour dix imprimantes.',
            nextSteps: ['Envoyer le devis demain'],
            disposition: 'intéressé',
          }),
        ),
      ),
    );
    const summary = await summariser().summarise(FRENCH_CALL);
    expect(summary).toEqual({
      kind: 'ai',
      engine: 'llm:gpt-4o-mini',
      language: 'fr',
      summary: 'Le client demande un devis pour dix imprimantes.',
      nextSteps: ['Envoyer le devis demain'],
      suggestedDisposition: 'intéressé',
    });
    expect(seen).toHaveLength(1);
    const request = seen[0] as Seen;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-test-123');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({
      model: 'gpt-4o-mini',
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: expect.stringContaining('write every field in French') },
        {
          role: 'user',
          content:
            'Transcript:\n"customer: Bonjour, je voudrais un devis pour dix imprimantes."\n"rep: Très bien, je vous envoie le devis demain."',
        },
      ],
    });
    const system = (request.body as { messages: { content: string }[] }).messages[0]?.content ?? '';
    expect(system).toContain('"summary"');
    expect(system).toContain('"nextSteps"');
    expect(system).toContain('"disposition"');
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    const waits: number[] = [];
    answers.push(
      rateLimited('2'),
      json(200, completion(JSON.stringify({ summary: 'Devis demandé.', nextSteps: [], disposition: null }))),
    );
    const summary = await summariser({ sleep: async (ms) => void waits.push(ms) }).summarise(FRENCH_CALL);
    expect(summary.summary).toBe('Devis demandé.');
    expect(summary.suggestedDisposition).toBeNull();
    expect(waits).toEqual([2000]);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.body).toEqual(seen[0]?.body);
  });

  it('backs off exponentially on 429 without Retry-After, and gives up rate limited after the last attempt', async () => {
    const waits: number[] = [];
    answers.push(rateLimited(), rateLimited(), rateLimited(), rateLimited());
    const failure = await summariser({ sleep: async (ms) => void waits.push(ms), maxAttempts: 4 })
      .summarise(FRENCH_CALL)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AiError);
    expect(failure).toMatchObject({ kind: 'rate_limited', message: 'The language model answered HTTP 429.' });
    expect(seen).toHaveLength(4);
    expect(waits).toHaveLength(3);
    // Full jitter keeps each wait between half and all of 1 s, 2 s, 4 s.
    waits.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(500 * 2 ** i);
      expect(ms).toBeLessThanOrEqual(1000 * 2 ** i);
    });
  });

  it('gives up on a server that does not answer in time, as unavailable so the job retries later', async () => {
    const failure = await summariser({ timeoutMs: 100, maxAttempts: 2, sleep: async () => undefined })
      .summarise(FRENCH_CALL)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      kind: 'unavailable',
      message: 'The language model did not answer within 0.1 s.',
    });
    expect(seen).toHaveLength(2);
  });

  it('does not retry a refused key, and says what to check', async () => {
    answers.push(
      json(401, {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      }),
    );
    const failure = await summariser()
      .summarise(FRENCH_CALL)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      kind: 'invalid',
      message: 'The language model refused the request (HTTP 401). Check LLM_API_KEY.',
    });
    expect(seen).toHaveLength(1);
  });

  it('refuses an answer that is not the asked JSON, rather than saving it', async () => {
    answers.push(json(200, completion('Here is a summary: the customer wants a quote.')));
    await expect(summariser().summarise(FRENCH_CALL)).rejects.toMatchObject({ kind: 'invalid' });
  });
});
