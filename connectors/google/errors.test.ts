import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CrmErrorKind } from '../core/errors.ts';
import type { HttpResponse } from '../core/http.ts';
import { RECORDINGS } from './emulator/answers.ts';
import { EXPIRED_SYNC_TOKEN, isExpiredSyncToken, readBody, toCrmError } from './errors.ts';

function response(status: number, body: unknown, retryAfterMs?: number): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    status,
    headers: new Headers(),
    text,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    json: () => JSON.parse(text),
  };
}

function recorded(name: string) {
  const found = RECORDINGS[name];
  if (!found) throw new Error(`no recording ${name}`);
  return found;
}

describe('toCrmError', () => {
  it.each<[string, CrmErrorKind, string]>([
    ['unauthenticated', 'auth', 'UNAUTHENTICATED'],
    ['insufficient-scope', 'auth', 'PERMISSION_DENIED'],
    ['quota-exceeded', 'rate_limited', 'RESOURCE_EXHAUSTED'],
    ['not-found', 'not_found', 'NOT_FOUND'],
    ['invalid-person-fields', 'invalid', 'INVALID_ARGUMENT'],
    ['backend-error', 'unavailable', 'UNAVAILABLE'],
    ['expired-sync-token', 'invalid', EXPIRED_SYNC_TOKEN],
    ['revoked-refresh-token', 'auth', 'invalid_grant'],
    ['invalid-client', 'auth', 'invalid_client'],
  ])('%s is %s with vendor code %s', (name, kind, vendorCode) => {
    const { status, body } = recorded(name);
    const error = toCrmError(response(status, body));
    expect(error.kind).toBe(kind);
    expect(error.detail).toMatchObject({ status, vendorCode });
    expect(error.message).toMatch(/^Google said: /);
  });

  it.each([
    [
      'the 410 the Calendar API uses',
      410,
      {
        error: {
          code: 410,
          message: 'Sync token is expired. Clear local cache and retry call without the sync token.',
          status: 'GONE',
        },
      },
    ],
    [
      'a reason without the message',
      400,
      { error: { code: 400, status: 'FAILED_PRECONDITION', details: [{ reason: 'EXPIRED_SYNC_TOKEN' }] } },
    ],
  ])('reads an expired sync token from %s', (_, status, body) => {
    expect(isExpiredSyncToken(toCrmError(response(status, body)))).toBe(true);
  });

  it('does not take another invalid argument for an expired sync token', () => {
    const { status, body } = recorded('invalid-person-fields');
    expect(isExpiredSyncToken(toCrmError(response(status, body)))).toBe(false);
  });

  it('waits a minute on a quota error without Retry-After, and Google’s own wait when it gives one', () => {
    const { status, body } = recorded('quota-exceeded');
    expect(toCrmError(response(status, body)).detail.retryAfterMs).toBe(60_000);
    expect(toCrmError(response(status, body, 7_000)).detail.retryAfterMs).toBe(7_000);
  });

  it.each<[number, CrmErrorKind]>([
    [401, 'auth'],
    [429, 'rate_limited'],
    [404, 'not_found'],
    [400, 'invalid'],
    [502, 'unavailable'],
  ])('a %i with a body that is not Google’s is %s', (status, kind) => {
    expect(toCrmError(response(status, '<html>proxy</html>')).kind).toBe(kind);
  });
});

describe('readBody', () => {
  it('is unavailable when Google answers a shape Parley does not know', () => {
    const error = (() => {
      try {
        return readBody(z.object({ resourceName: z.string() }), response(200, { nope: 1 }), 'the test');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toMatchObject({ kind: 'unavailable' });
  });
});
