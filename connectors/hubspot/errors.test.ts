import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CrmErrorKind } from '../core/errors.ts';
import type { HttpResponse } from '../core/http.ts';
import { batchErrorToCrmError } from './batch.ts';
import { toCrmError } from './errors.ts';

const Recording = z.object({
  source: z.string(),
  status: z.number().int(),
  body: z.record(z.string(), z.unknown()),
});
const recordings = z
  .record(z.string(), Recording)
  .parse(JSON.parse(readFileSync(new URL('./emulator/recordings/errors.json', import.meta.url), 'utf8')));

function response(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  retryAfterMs?: number,
): HttpResponse {
  const text = JSON.stringify(body);
  return {
    status,
    headers: new Headers(headers),
    text,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    json: () => JSON.parse(text),
  };
}

function recorded(name: string) {
  const found = recordings[name];
  if (!found) throw new Error(`no recording ${name}`);
  return found;
}

describe('toCrmError', () => {
  it.each<[string, CrmErrorKind, string]>([
    ['rate-limit-ten-secondly', 'rate_limited', 'TEN_SECONDLY_ROLLING'],
    ['rate-limit-search-secondly', 'rate_limited', 'SECONDLY'],
    ['expired-token', 'auth', 'EXPIRED_AUTHENTICATION'],
    ['missing-credentials', 'auth', 'INVALID_AUTHENTICATION'],
    ['missing-scopes', 'auth', 'MISSING_SCOPES'],
    ['contact-exists', 'conflict', 'CONFLICT'],
    ['invalid-associations', 'invalid', 'VALIDATION_ERROR'],
    ['object-not-found', 'not_found', 'OBJECT_NOT_FOUND'],
    ['bad-refresh-token', 'auth', 'BAD_REFRESH_TOKEN'],
    ['internal-error', 'unavailable', 'INTERNAL_ERROR'],
  ])('%s is %s with vendor code %s', (name, kind, vendorCode) => {
    const { status, body } = recorded(name);
    const error = toCrmError(response(status, body));
    expect(error.kind).toBe(kind);
    expect(error.detail).toMatchObject({ crm: 'hubspot', status, vendorCode });
    expect(error.message).toContain(String(body.message));
  });

  it.each([
    ['TEN_SECONDLY_ROLLING', 'rate-limit-ten-secondly', 10_000],
    ['SECONDLY', 'rate-limit-search-secondly', 1_000],
  ])('a %s 429 without Retry-After waits out its window', (_, name, wait) => {
    const { status, body } = recorded(name);
    expect(toCrmError(response(status, body)).detail.retryAfterMs).toBe(wait);
  });

  it('the Retry-After HubSpot sends wins over the policy’s window', () => {
    const { status, body } = recorded('rate-limit-ten-secondly');
    expect(toCrmError(response(status, body, { 'retry-after': '3' }, 3_000)).detail.retryAfterMs).toBe(3_000);
  });

  it('a body that is not HubSpot’s (a proxy’s page) still maps by status', () => {
    const error = toCrmError({
      status: 502,
      headers: new Headers(),
      text: '<html>Bad gateway</html>',
      json: () => null,
    });
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('HTTP 502');
  });
});

describe('batchErrorToCrmError', () => {
  it.each<[string, Record<string, unknown>, CrmErrorKind]>([
    [
      'a 404 by status',
      { status: '404', category: 'OBJECT_NOT_FOUND', message: 'No contacts with id 9 exist.' },
      'not_found',
    ],
    [
      'a not-found by category only',
      { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'gone' },
      'not_found',
    ],
    [
      'a validation error',
      { status: 'error', category: 'VALIDATION_ERROR', message: 'Property values were not valid' },
      'invalid',
    ],
    ['a unique-value conflict', { status: '409', category: 'CONFLICT', message: 'duplicate' }, 'conflict'],
  ])('%s', (_, entry, kind) => {
    expect(batchErrorToCrmError(entry).kind).toBe(kind);
  });
});
