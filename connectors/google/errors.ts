import { z } from 'zod';

import { CrmError, type CrmErrorDetail, type CrmErrorKind, isCrmError } from '../core/errors.ts';
import type { HttpResponse } from '../core/http.ts';

/** Every Google failure as the one error type connectors throw, labelled as Google's. */
export function googleError(
  kind: CrmErrorKind,
  message: string,
  detail: Omit<CrmErrorDetail, 'crm'> = {},
): CrmError {
  return new CrmError(kind, message, { ...detail, crm: 'google' });
}

/**
 * Google's API error body (https://cloud.google.com/apis/design/errors):
 * `{error:{code, message, status, details?:[{'@type', reason, domain, metadata}]}}`.
 */
const ApiErrorBody = z.looseObject({
  error: z.looseObject({
    code: z.number().int().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.looseObject({ reason: z.string().optional() })).optional(),
  }),
});

/** The OAuth token endpoint's error body (RFC 6749 §5.2): `{error, error_description}`. */
const TokenErrorBody = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** The reason Google gives an expired sync token; core sees it as `vendorCode`. */
export const EXPIRED_SYNC_TOKEN = 'EXPIRED_SYNC_TOKEN';

// Google's read quotas are per minute and it sends no Retry-After on a 429 (verify), so a minute is the wait.
const QUOTA_WAIT_MS = 60_000;

interface Reading {
  kind: CrmErrorKind;
  said: string;
  vendorCode?: string;
}

const STATUS_KIND: Readonly<Record<string, CrmErrorKind>> = {
  UNAUTHENTICATED: 'auth',
  PERMISSION_DENIED: 'auth',
  RESOURCE_EXHAUSTED: 'rate_limited',
  NOT_FOUND: 'not_found',
  INVALID_ARGUMENT: 'invalid',
  FAILED_PRECONDITION: 'invalid',
  ALREADY_EXISTS: 'conflict',
  ABORTED: 'conflict',
  UNAVAILABLE: 'unavailable',
  INTERNAL: 'unavailable',
  DEADLINE_EXCEEDED: 'unavailable',
};

function byHttpStatus(status: number): CrmErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'unavailable';
  return 'invalid';
}

// invalid_grant is a revoked or expired refresh token; the client ones are the app's settings: reconnecting
// (or the server's administrator) is the fix either way.
const TOKEN_AUTH_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);

function read(status: number, text: string): Reading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: byHttpStatus(status), said: `HTTP ${status}` };
  }
  const api = ApiErrorBody.safeParse(json);
  if (api.success) {
    const { message, status: code, details } = api.data.error;
    const said = message?.trim() || `HTTP ${status}`;
    // Google answers 400 FAILED_PRECONDITION to an expired sync token (captured bodies; its Calendar API uses 410).
    const expired =
      details?.some((detail) => detail.reason === EXPIRED_SYNC_TOKEN) || /sync token is expired/i.test(said);
    if (expired) return { kind: 'invalid', said, vendorCode: EXPIRED_SYNC_TOKEN };
    const kind = (code && STATUS_KIND[code]) || byHttpStatus(status);
    return { kind, said, ...(code ? { vendorCode: code } : {}) };
  }
  const token = TokenErrorBody.safeParse(json);
  if (token.success) {
    const { error, error_description: description } = token.data;
    const kind = TOKEN_AUTH_ERRORS.has(error) ? 'auth' : byHttpStatus(status);
    return { kind, said: description ?? error, vendorCode: error };
  }
  return { kind: byHttpStatus(status), said: `HTTP ${status}` };
}

const ADVICE: Readonly<Record<CrmErrorKind, string>> = {
  auth: 'Reconnect Google Contacts in Parley’s settings and allow access to contacts again.',
  rate_limited: 'Parley will read the rest once Google’s per-minute quota resets.',
  not_found: 'The contact may have been deleted in Google Contacts.',
  invalid: 'Check Parley’s settings for this Google connection.',
  unavailable: 'Parley will retry shortly.',
  conflict: 'Parley will read the contacts again and retry.',
};

/** For `createHttpClient`: a response it will not retry, read as Google means it. */
export function toCrmError(response: HttpResponse): CrmError {
  const { kind, said, vendorCode } = read(response.status, response.text);
  const retryAfterMs = response.retryAfterMs ?? (kind === 'rate_limited' ? QUOTA_WAIT_MS : undefined);
  return googleError(kind, `Google said: ${said} ${ADVICE[kind]}`, {
    status: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(vendorCode ? { vendorCode } : {}),
    cause: response.text,
  });
}

export function isExpiredSyncToken(error: unknown): boolean {
  return isCrmError(error) && error.detail.vendorCode === EXPIRED_SYNC_TOKEN;
}

/** A success body read with its schema; a shape we do not know is Google misbehaving, not our bug. */
export function readBody<T>(schema: z.ZodType<T>, response: HttpResponse, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch (cause) {
    throw googleError('unavailable', `Google answered ${what} with something that is not JSON.`, {
      status: response.status,
      cause,
    });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw googleError('unavailable', `Google answered ${what} with a body Parley does not recognise.`, {
    status: response.status,
    cause: parsed.error,
  });
}
