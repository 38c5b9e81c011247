import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseRetryAfter } from '../core/http.ts';
import { readErrorBody, SalesforceResponseError, saveErrorToCrmError, toCrmError } from './errors.ts';

const RecordingSchema = z.object({
  status: z.number(),
  headers: z.record(z.string(), z.string()).optional(),
  /** Set when the answer is not JSON. */
  text: z.string().optional(),
  body: z.unknown().optional(),
});
const recordings = z
  .record(z.string(), z.unknown())
  .parse(JSON.parse(readFileSync(new URL('./emulator/recordings/errors.json', import.meta.url), 'utf8')));

function recorded(name: string) {
  return RecordingSchema.parse(recordings[name]);
}

/** What our transport throws for a recorded answer. */
function thrownFor(name: string): SalesforceResponseError {
  const { status, headers, body, text } = recorded(name);
  return new SalesforceResponseError(
    status,
    readErrorBody(status, text ?? JSON.stringify(body)),
    parseRetryAfter(headers?.['retry-after'], Date.now()),
  );
}

describe('toCrmError on Salesforce answers', () => {
  it.each([
    ['invalidSession', 'auth', 'INVALID_SESSION_ID'],
    ['requestLimit', 'rate_limited', 'REQUEST_LIMIT_EXCEEDED'],
    ['tooManyRequests', 'rate_limited', 'REQUEST_LIMIT_EXCEEDED'],
    ['notFound', 'not_found', 'NOT_FOUND'],
    ['entityDeleted', 'not_found', 'ENTITY_IS_DELETED'],
    ['requiredFieldMissing', 'invalid', 'REQUIRED_FIELD_MISSING'],
    ['invalidField', 'invalid', 'INVALID_FIELD'],
    ['validationRule', 'invalid', 'FIELD_CUSTOM_VALIDATION_EXCEPTION'],
    ['malformedId', 'invalid', 'MALFORMED_ID'],
    ['duplicateValue', 'conflict', 'DUPLICATE_VALUE'],
    ['duplicatesDetected', 'conflict', 'DUPLICATES_DETECTED'],
    ['multipleChoices', 'conflict', 'ERROR_HTTP_300'],
    ['serverUnavailable', 'unavailable', 'SERVER_UNAVAILABLE'],
    ['unknownException', 'unavailable', 'UNKNOWN_EXCEPTION'],
    ['refreshRefused', 'auth', 'invalid_grant'],
    ['identityBadToken', 'auth', 'Bad_OAuth_Token'],
  ])('%s is %s (%s)', (name, kind, code) => {
    const error = toCrmError(thrownFor(name));
    expect(error.kind).toBe(kind);
    expect(error.detail).toMatchObject({
      crm: 'salesforce',
      status: recorded(name).status,
      vendorCode: code,
    });
    expect(error.message).toMatch(/^Salesforce: /);
  });

  it('carries the wait of a 429 Retry-After', () => {
    expect(toCrmError(thrownFor('tooManyRequests')).detail.retryAfterMs).toBe(120_000);
  });

  it('maps a per-record error of an sObject Collections answer by its statusCode', () => {
    const error = saveErrorToCrmError(
      [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: ['WhoId'] }],
      recorded('collectionItem').body,
    );
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('(WhoId)');
  });
});

describe('toCrmError on what jsforce throws itself', () => {
  const named = (name: string, message: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(message), { name, ...extra });

  it.each([
    // HttpApiError after a 401 jsforce could not refresh (no refresh token held).
    [named('INVALID_SESSION_ID', 'Session expired or invalid', { errorCode: 'INVALID_SESSION_ID' }), 'auth'],
    // The session delegate's wrap of the token endpoint's refusal.
    [new Error('Unable to refresh session due to: expired access/refresh token'), 'auth'],
    // OAuth2 names its error after the token endpoint's `error`.
    [named('invalid_grant', 'authentication failure'), 'auth'],
    // HttpApiError for a non-JSON answer.
    [named('ERROR_HTTP_502', '<html>Bad gateway</html>', { errorCode: 'ERROR_HTTP_502' }), 'unavailable'],
    [
      named('FetchError', 'request to http://x/ failed, reason: socket hang up', { code: 'ECONNRESET' }),
      'unavailable',
    ],
    [named('AbortError', 'The user aborted a request.'), 'unavailable'],
  ])('%s is %s', (thrown, kind) => {
    expect(toCrmError(thrown).kind).toBe(kind);
  });

  it('never repeats a token a network error’s URL carried', () => {
    const thrown = named('FetchError', 'request to http://x/id?oauth_token=00Dsecret failed', {
      code: 'ECONNRESET',
    });
    expect(toCrmError(thrown).message).not.toContain('00Dsecret');
  });
});
