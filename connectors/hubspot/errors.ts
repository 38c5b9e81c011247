import { z } from 'zod';
import { CrmError, type CrmErrorKind } from '../core/errors.ts';
import type { HttpResponse } from '../core/http.ts';

/**
 * HubSpot's error body: `{status:'error', message, correlationId, category, subCategory?, context?}`;
 * a 429 adds `errorType:'RATE_LIMIT'` and `policyName`; the OAuth token endpoint answers
 * `{status:'BAD_REFRESH_TOKEN'|'BAD_AUTH_CODE'|…, message}` instead of a category.
 */
const HubspotErrorBody = z.looseObject({
  status: z.string().optional(),
  message: z.string().optional(),
  category: z.string().optional(),
  subCategory: z.unknown().optional(),
  correlationId: z.string().optional(),
  policyName: z.string().optional(),
  errorType: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});
export type HubspotErrorBody = z.infer<typeof HubspotErrorBody>;

/** The OAuth statuses that mean the install is gone or the app misconfigured: reconnecting is the fix. */
const OAUTH_AUTH_STATUSES = new Set([
  'BAD_REFRESH_TOKEN',
  'BAD_AUTH_CODE',
  'BAD_CLIENT_ID',
  'BAD_CLIENT_SECRET',
  'BAD_REDIRECT_URI',
  'BAD_GRANT_TYPE',
]);

// HubSpot sends Retry-After on a 429 (usage guidelines, as quoted in PostHog/posthog#64726); when it
// does not, the policy says how long its window is.
const POLICY_WAIT_MS: Readonly<Record<string, number>> = {
  TEN_SECONDLY_ROLLING: 10_000,
  SECONDLY: 1_000,
  DAILY: 3_600_000,
};

function kindOf(status: number, body: HubspotErrorBody): CrmErrorKind {
  if (body.status && OAUTH_AUTH_STATUSES.has(body.status)) return 'auth';
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 404 || body.category === 'OBJECT_NOT_FOUND') return 'not_found';
  if (status === 409 || body.category === 'CONFLICT') return 'conflict';
  if (status >= 500) return 'unavailable';
  return 'invalid';
}

const ADVICE: Readonly<Record<CrmErrorKind, string>> = {
  auth: 'Reconnect HubSpot in Parley’s settings (an admin of the portal must approve the app again).',
  rate_limited: 'Parley will retry once HubSpot’s limit resets.',
  not_found: 'The record may have been deleted in HubSpot.',
  invalid: 'Check the HubSpot record and Parley’s settings for this connection.',
  unavailable: 'Parley will retry shortly.',
  conflict: 'Parley will read the record again and retry.',
};

function errorBody(text: string): HubspotErrorBody {
  try {
    const parsed = HubspotErrorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** One HubSpot error (a response, or one entry of a 207's `errors`) as a CrmError. */
export function hubspotError(
  status: number,
  body: HubspotErrorBody,
  extra: { retryAfterMs?: number; cause?: unknown } = {},
): CrmError {
  const kind = kindOf(status, body);
  const said = body.message?.trim() || `HTTP ${status}`;
  const vendorCode = body.category ?? body.policyName ?? body.status;
  const retryAfterMs =
    extra.retryAfterMs ??
    (kind === 'rate_limited' ? POLICY_WAIT_MS[body.policyName ?? 'SECONDLY'] : undefined);
  return new CrmError(kind, `HubSpot said: ${said} ${ADVICE[kind]}`, {
    crm: 'hubspot',
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(vendorCode ? { vendorCode } : {}),
    cause: extra.cause ?? body,
  });
}

/** For `createHttpClient`: a response it will not retry, read as HubSpot means it. */
export function toCrmError(response: HttpResponse): CrmError {
  return hubspotError(response.status, errorBody(response.text), {
    ...(response.retryAfterMs === undefined ? {} : { retryAfterMs: response.retryAfterMs }),
    cause: response.text,
  });
}

/** A success body read with its schema; a shape we do not know is HubSpot misbehaving, not our bug. */
export function readBody<T>(schema: z.ZodType<T>, response: HttpResponse, what: string): T {
  const parsed = schema.safeParse(response.json());
  if (parsed.success) return parsed.data;
  throw new CrmError('unavailable', `HubSpot answered ${what} with a body Parley does not recognise.`, {
    crm: 'hubspot',
    status: response.status,
    cause: parsed.error,
  });
}
