import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AiError } from '../errors.ts';
import { createOpenAiTranscriber } from './openai.ts';
import type { Audio } from './port.ts';
import { decodeWav, encodeWav } from './wav.ts';

interface Received {
  method: string | undefined;
  path: string | undefined;
  authorization: string | undefined;
  fields: Record<string, string>;
  file: { name: string; type: string; bytes: Uint8Array } | null;
}

type Answer = (request: Received, res: ServerResponse) => void;

/** verbose_json as OpenAI's whisper-1 answers it (fields beyond those Parley reads included). */
function verboseJson(
  language: string,
  segments: { start: number; end: number; text: string; no_speech_prob?: number; avg_logprob?: number }[],
) {
  return {
    task: 'transcribe',
    language,
    duration: Math.max(0, ...segments.map((s) => s.end)),
    text: segments.map((s) => s.text).join(''),
    segments: segments.map((s, id) => ({
      id,
      seek: 0,
      start: s.start,
      end: s.end,
      text: s.text,
      tokens: [50364, 2425, 11, 50414],
      temperature: 0,
      avg_logprob: s.avg_logprob ?? -0.21,
      compression_ratio: 1.1,
      no_speech_prob: s.no_speech_prob ?? 0.01,
    })),
  };
}

// `connection: close` so no test inherits a pooled socket that the previous one's cleanup closed.
function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res
    .writeHead(status, { 'content-type': 'application/json', connection: 'close', ...headers })
    .end(JSON.stringify(body));
}

async function receive(req: IncomingMessage): Promise<Received> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const form = await new Request('http://local/', {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body: Buffer.concat(chunks),
  }).formData();
  const fields: Record<string, string> = {};
  let file: Received['file'] = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else file = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { method: req.method, path: req.url, authorization: req.headers.authorization, fields, file };
}

/** Half a second of one side speaking (a steady signal) and half a second of silence, in either order. */
function sides(): Audio {
  const customer = new Float32Array(8000);
  const rep = new Float32Array(8000);
  customer.fill(0.25, 0, 4000);
  rep.fill(0.25, 4000);
  return {
    bytes: encodeWav({ sampleRate: 8000, channels: [customer, rep] }),
    contentType: 'audio/wav',
    channels: 2,
  };
}

describe('the OpenAI-compatible transcriber', () => {
  let server: Server;
  let baseUrl: string;
  let answer: Answer;
  let received: Received[] = [];
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };

  // A server per test: a request left hanging by one test cannot leave a dead pooled socket to the next.
  beforeEach(async () => {
    received = [];
    waits.length = 0;
    server = createServer((req, res) => {
      receive(req).then((request) => {
        received.push(request);
        answer(request, res);
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterEach(() => {
    server.closeAllConnections();
    return new Promise<void>((done) => server.close(() => done()));
  });

  it('posts each channel as its own mono WAV in multipart and gives each segment its speaker', async () => {
    answer = (request, res) => {
      const samples = decodeWav(request.file?.bytes ?? new Uint8Array()).channels[0] ?? new Float32Array();
      const customerSpeaks = Math.abs(samples[100] ?? 0) > 0.1;
      json(
        res,
        200,
        verboseJson(
          'french',
          customerSpeaks
            ? [{ start: 0, end: 0.5, text: ' Bonjour.' }]
            : [{ start: 0.5, end: 1, text: ' Bonjour madame.' }],
        ),
      );
    };
    const transcriber = createOpenAiTranscriber({ baseUrl: `${baseUrl}/`, apiKey: 'sk-test', sleep });
    const transcript = await transcriber.transcribe(sides(), { language: 'fr-FR' });

    expect(received).toHaveLength(2);
    for (const request of received) {
      expect(request).toMatchObject({
        method: 'POST',
        path: '/v1/audio/transcriptions',
        authorization: 'Bearer sk-test',
        fields: { model: 'whisper-1', language: 'fr', response_format: 'verbose_json' },
      });
      expect(request.file).toMatchObject({ name: 'recording.wav', type: 'audio/wav' });
      const pcm = decodeWav(request.file?.bytes ?? new Uint8Array());
      expect(pcm).toMatchObject({ sampleRate: 8000 });
      expect(pcm.channels).toHaveLength(1);
    }
    expect(transcript).toEqual({
      language: 'fr',
      engine: 'openai:whisper-1',
      segments: [
        { speaker: 'customer', start: 0, end: 0.5, text: 'Bonjour.' },
        { speaker: 'rep', start: 0.5, end: 1, text: 'Bonjour madame.' },
      ],
    });
  });

  it('drops what Whisper made up over silence and reads a self-hosted server’s language code', async () => {
    answer = (_request, res) =>
      json(
        res,
        200,
        verboseJson('en', [
          { start: 0, end: 2, text: ' Call me back tomorrow.' },
          { start: 2, end: 4, text: ' Thanks for watching!', no_speech_prob: 0.92, avg_logprob: -1.4 },
        ]),
      );
    const mono: Audio = {
      bytes: encodeWav({ sampleRate: 8000, channels: [new Float32Array(800)] }),
      contentType: 'audio/wav',
      channels: 1,
    };
    const transcript = await createOpenAiTranscriber({
      baseUrl,
      model: 'Systran/faster-whisper-small',
      sleep,
    }).transcribe(mono);
    expect(received[0]?.authorization).toBeUndefined();
    expect(received[0]?.fields).toEqual({
      model: 'Systran/faster-whisper-small',
      response_format: 'verbose_json',
    });
    expect(transcript).toEqual({
      language: 'en',
      engine: 'openai:Systran/faster-whisper-small',
      segments: [{ speaker: 'unknown', start: 0, end: 2, text: 'Call me back tomorrow.' }],
    });
  });

  it('sends an MP3 whole, since it cannot be split into channels here', async () => {
    answer = (_request, res) =>
      json(res, 200, verboseJson('english', [{ start: 0, end: 1, text: ' Hello.' }]));
    const mp3: Audio = {
      bytes: new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]),
      contentType: 'audio/mpeg',
      channels: 2,
    };
    const transcript = await createOpenAiTranscriber({ baseUrl, sleep }).transcribe(mp3);
    expect(received[0]?.file).toEqual({ name: 'recording.mp3', type: 'audio/mpeg', bytes: mp3.bytes });
    expect(transcript.segments).toEqual([{ speaker: 'unknown', start: 0, end: 1, text: 'Hello.' }]);
  });

  it('waits as long as a 429’s Retry-After says, then tries again', async () => {
    let calls = 0;
    answer = (_request, res) => {
      calls++;
      if (calls === 1)
        json(
          res,
          429,
          { error: { message: 'Rate limit reached', type: 'requests' } },
          { 'retry-after': '7' },
        );
      else json(res, 200, verboseJson('english', [{ start: 0, end: 1, text: ' Hi.' }]));
    };
    const mono: Audio = {
      bytes: encodeWav({ sampleRate: 8000, channels: [new Float32Array(80)] }),
      contentType: 'audio/wav',
      channels: 1,
    };
    const transcript = await createOpenAiTranscriber({ baseUrl, sleep }).transcribe(mono);
    expect(received).toHaveLength(2);
    expect(waits).toEqual([7000]);
    expect(transcript.segments[0]?.text).toBe('Hi.');
  });

  it('backs off on 5xx and gives up as unavailable after the last attempt', async () => {
    answer = (_request, res) => json(res, 503, { error: { message: 'overloaded' } });
    const mono: Audio = {
      bytes: encodeWav({ sampleRate: 8000, channels: [new Float32Array(80)] }),
      contentType: 'audio/wav',
      channels: 1,
    };
    const failed = await createOpenAiTranscriber({ baseUrl, sleep, maxAttempts: 3, baseDelayMs: 1000 })
      .transcribe(mono)
      .catch((error) => error);
    expect(failed).toBeInstanceOf(AiError);
    expect(failed).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/HTTP 503/) });
    expect(received).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[1] ?? 0).toBeGreaterThan(waits[0] ?? 0);
    expect(waits[0]).toBeGreaterThanOrEqual(500);
  });

  it('gives up on a server that does not answer in time', async () => {
    answer = () => undefined;
    const mono: Audio = {
      bytes: encodeWav({ sampleRate: 8000, channels: [new Float32Array(80)] }),
      contentType: 'audio/wav',
      channels: 1,
    };
    const failed = createOpenAiTranscriber({ baseUrl, sleep, timeoutMs: 300, maxAttempts: 2 }).transcribe(
      mono,
    );
    await expect(failed).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/did not answer within 0.3 s/),
    });
    expect(received).toHaveLength(2);
  });

  it('stops at once when the job is cancelled', async () => {
    answer = () => undefined;
    const controller = new AbortController();
    const mono: Audio = {
      bytes: encodeWav({ sampleRate: 8000, channels: [new Float32Array(80)] }),
      contentType: 'audio/wav',
      channels: 1,
    };
    const running = createOpenAiTranscriber({ baseUrl, sleep }).transcribe(mono, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toThrow(/cancelled/);
    expect(waits).toEqual([]);
  });

  it('fails at once on a refused key, with the server’s words and the setting to check', async () => {
    answer = (_request, res) =>
      json(res, 401, {
        error: {
          message: 'Incorrect API key provided: sk-bad.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
    const mono: Audio = {
      bytes: encodeWav({ sampleRate: 8000, channels: [new Float32Array(80)] }),
      contentType: 'audio/wav',
      channels: 1,
    };
    const failed = await createOpenAiTranscriber({ baseUrl, apiKey: 'sk-bad', sleep })
      .transcribe(mono)
      .catch((e) => e);
    expect(failed).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/HTTP 401\): Incorrect API key provided.*Check STT_API_KEY/),
    });
    expect(received).toHaveLength(1);
  });

  it('fails as invalid when the answer is not verbose_json, naming STT_MODEL', async () => {
    answer = (_request, res) =>
      res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' }).end('Hello.');
    const mono: Audio = {
      bytes: encodeWav({ sampleRate: 8000, channels: [new Float32Array(80)] }),
      contentType: 'audio/wav',
      channels: 1,
    };
    const failed = createOpenAiTranscriber({ baseUrl, model: 'gpt-4o-transcribe', sleep }).transcribe(mono);
    await expect(failed).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/STT_MODEL \(gpt-4o-transcribe\)/),
    });
  });
});
