import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CrmError } from './errors.ts';
import {
  budgetToBucket,
  createHttpClient,
  type HttpClientOptions,
  type HttpResponse,
  parseRetryAfter,
  type RateLimiter,
} from './http.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

async function serve(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, seen.length - 1);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function reply(status: number, body = '{}', headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  };
}

function sequence(...handlers: Handler[]): Handler {
  return (req, res, index) => handlers[Math.min(index, handlers.length - 1)]!(req, res, index);
}

const allowAll: RateLimiter = { take: async () => ({ allowed: true, retryAfterMs: 0 }) };
const NOW = Date.parse('2026-03-02T10:00:00Z');

function setup(baseUrl: string, overrides: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  const errors: HttpResponse[] = [];
  const client = createHttpClient({
    crm: 'hubspot',
    baseUrl,
    rate: { budget: { requests: 100, perMs: 10_000 } },
    limiter: allowAll,
    rateKey: 'crm:hubspot:42',
    clock: {
      now: () => NOW,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    toCrmError: (response) => {
      errors.push(response);
      const kind =
        response.status === 429 ? 'rate_limited' : response.status >= 500 ? 'unavailable' : 'invalid';
      return new CrmError(kind, `HubSpot answered ${response.status}`, {
        crm: 'hubspot',
        status: response.status,
      });
    },
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
    random: () => 0.5,
    maxWaitMs: 10_000,
    ...overrides,
  });
  return { client, sleeps, errors };
}

async function rejection(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CrmError)) throw new Error(`expected a CrmError, got ${String(error)}`);
  return error;
}

describe('parseRetryAfter', () => {
  it.each([
    ['2', 2_000],
    ['0', 0],
    [' 1.5 ', 1_500],
    ['Mon, 02 Mar 2026 10:00:30 GMT', 30_000],
    ['Mon, 02 Mar 2026 09:59:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %s ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('budgetToBucket', () => {
  it('never lets more than the budget through in one window, and sustains at least 0.95 of it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 86_400_000 }),
        (requests, perMs) => {
          const bucket = budgetToBucket({ requests, perMs });
          const perWindow = bucket.capacity + (bucket.refillPerSecond * perMs) / 1000;
          expect(bucket.capacity).toBeGreaterThanOrEqual(1);
          expect(perWindow).toBeLessThanOrEqual(requests + 1e-6);
          if (requests >= 20)
            expect((bucket.refillPerSecond * perMs) / 1000).toBeGreaterThanOrEqual(0.95 * requests - 1e-6);
        },
      ),
    );
  });
});

describe('createHttpClient', () => {
  it('waits the Retry-After of a 429, then returns the answer', async () => {
    const crm = await serve(sequence(reply(429, '{}', { 'retry-after': '2' }), reply(200, '{"ok":true}')));
    const { client, sleeps } = setup(crm.url);
    const response = await client.request({ method: 'GET', path: '/crm/v3/objects/calls/1' });
    expect(response.json()).toEqual({ ok: true });
    expect(sleeps).toEqual([2_000]);
    expect(crm.seen).toHaveLength(2);
  });

  it('retries a GET after a 503 with jittered backoff', async () => {
    const crm = await serve(sequence(reply(503), reply(200)));
    const { client, sleeps } = setup(crm.url);
    expect((await client.request({ method: 'GET', path: '/x' })).status).toBe(200);
    expect(sleeps).toEqual([50]);
  });

  it('gives up after maxAttempts and hands the last response to toCrmError', async () => {
    const crm = await serve(reply(502, '{"message":"bad gateway"}'));
    const { client, sleeps, errors } = setup(crm.url);
    const error = await rejection(client.request({ method: 'GET', path: '/x' }));
    expect(error.kind).toBe('unavailable');
    expect(error.detail.status).toBe(502);
    expect(crm.seen).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
    expect(errors.map((r) => r.text)).toEqual(['{"message":"bad gateway"}']);
  });

  it('does not resend a POST after a 500, because the CRM may have applied it', async () => {
    const crm = await serve(reply(500));
    const { client } = setup(crm.url);
    const error = await rejection(client.request({ method: 'POST', path: '/x', json: { a: 1 } }));
    expect(error.kind).toBe('unavailable');
    expect(crm.seen).toHaveLength(1);
  });

  it('resends a POST after a 429, which the CRM answers before acting', async () => {
    const crm = await serve(sequence(reply(429, '{}', { 'retry-after': '1' }), reply(201)));
    const { client } = setup(crm.url);
    expect((await client.request({ method: 'POST', path: '/x', json: {} })).status).toBe(201);
    expect(crm.seen).toHaveLength(2);
  });

  it('resends a POST the caller marked idempotent after a 500', async () => {
    const crm = await serve(sequence(reply(500), reply(200)));
    const { client } = setup(crm.url);
    const response = await client.request({
      method: 'POST',
      path: '/batch/upsert',
      json: {},
      idempotent: true,
    });
    expect(response.status).toBe(200);
    expect(crm.seen).toHaveLength(2);
  });

  it('hands a 4xx to toCrmError at once', async () => {
    const crm = await serve(reply(404, '{"category":"OBJECT_NOT_FOUND"}'));
    const { client, sleeps, errors } = setup(crm.url);
    expect((await rejection(client.request({ method: 'GET', path: '/x' }))).kind).toBe('invalid');
    expect(crm.seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(errors[0]?.json()).toEqual({ category: 'OBJECT_NOT_FOUND' });
  });

  it('times out a CRM that does not answer, retries, then reports it unavailable', async () => {
    const crm = await serve(() => {});
    const { client } = setup(crm.url, {
      timeoutMs: 50,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await rejection(client.request({ method: 'GET', path: '/x' }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe('HubSpot did not answer within 50 ms.');
    expect(crm.seen).toHaveLength(2);
  });

  it('times out a CRM that stalls in the middle of its body', async () => {
    const crm = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"half":');
    });
    const { client } = setup(crm.url, {
      timeoutMs: 50,
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await rejection(client.request({ method: 'GET', path: '/x' }));
    expect(error.message).toBe('HubSpot did not answer within 50 ms.');
  });

  it('reports a refused connection as unavailable without the URL or headers', async () => {
    const crm = await serve(reply(200));
    await Promise.all(servers.splice(0).map((close) => close()));
    const { client } = setup(crm.url, { headers: () => ({ authorization: 'Bearer secret-token' }) });
    const error = await rejection(client.request({ method: 'GET', path: '/x?hapikey=secret' }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/^Parley could not reach HubSpot at 127\.0\.0\.1:\d+\.$/);
    expect(JSON.stringify({ message: error.message, detail: error.detail })).not.toContain('secret');
  });

  it('waits while the shared budget refuses, then sends once', async () => {
    const crm = await serve(reply(200));
    const answers = [
      { allowed: false, retryAfterMs: 120 },
      { allowed: false, retryAfterMs: 80 },
      { allowed: true, retryAfterMs: 0 },
    ];
    const takes: unknown[] = [];
    const limiter: RateLimiter = {
      take: async (key, bucket) => {
        takes.push({ key, bucket });
        return answers.shift()!;
      },
    };
    const { client, sleeps } = setup(crm.url, { limiter });
    await client.request({ method: 'GET', path: '/x' });
    expect(sleeps).toEqual([120, 80]);
    expect(crm.seen).toHaveLength(1);
    expect(takes[0]).toEqual({ key: 'crm:hubspot:42', bucket: { capacity: 5, refillPerSecond: 9.5 } });
  });

  it('gives rate_limited without sending when the budget would make it wait too long', async () => {
    const crm = await serve(reply(200));
    const limiter: RateLimiter = { take: async () => ({ allowed: false, retryAfterMs: 6_000 }) };
    const { client, sleeps } = setup(crm.url, { limiter });
    const error = await rejection(client.request({ method: 'GET', path: '/x' }));
    expect(error.kind).toBe('rate_limited');
    expect(error.detail.retryAfterMs).toBe(6_000);
    expect(sleeps).toEqual([6_000]);
    expect(crm.seen).toHaveLength(0);
  });

  it('leaves a Retry-After longer than maxWaitMs to the worker, with the wait on the error', async () => {
    const crm = await serve(reply(429, '{}', { 'retry-after': '3600' }));
    const { client, sleeps } = setup(crm.url);
    const error = await rejection(client.request({ method: 'GET', path: '/x' }));
    expect(error.kind).toBe('rate_limited');
    expect(error.detail.retryAfterMs).toBe(3_600_000);
    expect(sleeps).toEqual([]);
    expect(crm.seen).toHaveLength(1);
  });

  it('carries a 503’s long Retry-After to the worker on the unavailable error', async () => {
    const crm = await serve(reply(503, '{}', { 'retry-after': '120' }));
    const { client } = setup(crm.url);
    const error = await rejection(client.request({ method: 'GET', path: '/x' }));
    expect(error.kind).toBe('unavailable');
    expect(error.detail.retryAfterMs).toBe(120_000);
    expect(crm.seen).toHaveLength(1);
  });

  it('reads the descriptor’s own retry and remaining headers', async () => {
    const crm = await serve(
      sequence(
        reply(429, '{}', { 'x-wait': '3' }),
        reply(200, '{}', { 'x-hubspot-ratelimit-remaining': '41' }),
      ),
    );
    const rate = {
      budget: { requests: 100, perMs: 10_000 },
      retryAfterHeader: 'x-wait',
      remainingHeader: 'x-hubspot-ratelimit-remaining',
    };
    const { client, sleeps } = setup(crm.url, { rate });
    const response = await client.request({ method: 'GET', path: '/x' });
    expect(sleeps).toEqual([3_000]);
    expect(response.remaining).toBe(41);
  });

  it('keeps the base URL’s path, encodes the query, sends JSON and fresh headers on every attempt', async () => {
    const crm = await serve(sequence(reply(503), reply(200)));
    let token = 0;
    const { client } = setup(`${crm.url}/services/data/v62.0/`, {
      headers: () => ({ authorization: `Bearer t${++token}` }),
    });
    await client.request({
      method: 'PUT',
      path: '/sobjects/Task/Parley_Call_Id__c/c 1',
      query: { q: 'a&b', skip: undefined, n: 2 },
      json: { Subject: 'Call' },
    });
    expect(crm.seen.map((s) => s.url)).toEqual([
      '/services/data/v62.0/sobjects/Task/Parley_Call_Id__c/c%201?q=a%26b&n=2',
      '/services/data/v62.0/sobjects/Task/Parley_Call_Id__c/c%201?q=a%26b&n=2',
    ]);
    expect(crm.seen.map((s) => s.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(crm.seen[1]?.headers['content-type']).toBe('application/json');
    expect(crm.seen[1]?.body).toBe('{"Subject":"Call"}');
  });

  it('follows an absolute paging link on the same origin and refuses one on another host', async () => {
    const crm = await serve(reply(200));
    const { client } = setup(crm.url);
    await client.request({ method: 'GET', path: `${crm.url}/crm/v3/objects/contacts?after=2` });
    expect(crm.seen[0]?.url).toBe('/crm/v3/objects/contacts?after=2');
    const error = await rejection(client.request({ method: 'GET', path: 'https://evil.example/steal' }));
    expect(error.kind).toBe('invalid');
    expect(crm.seen).toHaveLength(1);
  });

  it('reports a body that is not JSON as unavailable when read as JSON', async () => {
    const crm = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>'));
    const { client } = setup(crm.url);
    const response = await client.request({ method: 'GET', path: '/x' });
    expect(response.text).toBe('<html>');
    expect(() => response.json()).toThrow(CrmError);
  });
});
