import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../core/http.ts';
import { parseRetryAfter } from '../core/http.ts';
import { RECORDING_NAMES, recording } from './emulator/recordings.ts';
import { toCrmError } from './errors.ts';

const NOW = Date.parse('Tue, 23 May 2023 14:42:00 GMT');

function response(status: number, text: string, headers: Record<string, string> = {}): HttpResponse {
  const retryAfterMs = parseRetryAfter(headers['retry-after'], NOW);
  return {
    status,
    headers: new Headers(headers),
    text,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    json: () => JSON.parse(text),
  };
}

const EXPECTED: Record<(typeof RECORDING_NAMES)[number], { kind: string; code: string }> = {
  'rate-limited': { kind: 'rate_limited', code: 'rate_limit_exceeded' },
  unauthorized: { kind: 'auth', code: 'unauthorized' },
  'filter-error': { kind: 'invalid', code: 'filter_error' },
  'object-not-found': { kind: 'not_found', code: 'not_found' },
  'matching-attribute-missing': { kind: 'not_found', code: 'value_not_found' },
  'slug-conflict': { kind: 'invalid', code: 'slug_conflict' },
  'billing-error': { kind: 'invalid', code: 'billing_error' },
  'thread-not-found-camelcase': { kind: 'not_found', code: 'value_not_found' },
};

describe('Attio errors to CrmError', () => {
  it.each(RECORDING_NAMES)('reads the recorded %s answer as the right kind, in Attio’s words', (name) => {
    const sample = recording(name);
    const error = toCrmError(response(sample.status, JSON.stringify(sample.body), sample.headers));
    expect(error.kind).toBe(EXPECTED[name].kind);
    expect(error.detail).toMatchObject({
      crm: 'attio',
      status: sample.status,
      vendorCode: EXPECTED[name].code,
    });
    expect(error.message).toContain(String(sample.body.message));
  });

  it('carries the wait of a 429 whose Retry-After is an HTTP date', () => {
    const sample = recording('rate-limited');
    const error = toCrmError(response(429, JSON.stringify(sample.body), sample.headers));
    expect(error.detail.retryAfterMs).toBe(1_000);
  });

  it.each([
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [401, 'auth'],
    [404, 'not_found'],
    [400, 'invalid'],
  ])('reads a bare HTTP %i page (a proxy’s, not JSON) as %s', (status, kind) => {
    const error = toCrmError(response(status, '<html>Bad gateway</html>'));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('reads a concurrent write conflict as a conflict to re-read and retry', () => {
    const body = {
      status_code: 409,
      type: 'invalid_request_error',
      code: 'concurrent_write_conflict',
      message: 'x',
    };
    expect(toCrmError(response(409, JSON.stringify(body))).kind).toBe('conflict');
  });
});
