import { z } from 'zod';
import { CrmError, type CrmErrorKind } from '../core/errors.ts';

/** Salesforce REST error body (api_rest guide, "Status Codes and Error Responses"). */
export const SalesforceErrorBodySchema = z.array(
  z.object({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }),
);
export type SalesforceErrorBody = z.infer<typeof SalesforceErrorBodySchema>;

const OAuthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** A refusal's body as Salesforce's REST or OAuth endpoints write it; anything else keeps its status. */
export function readErrorBody(status: number, text: string): SalesforceErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const rest = SalesforceErrorBodySchema.safeParse(json);
  if (rest.success && rest.data.length > 0) return rest.data;
  const oauth = OAuthErrorSchema.safeParse(json);
  if (oauth.success) {
    return [{ errorCode: oauth.data.error, message: oauth.data.error_description ?? oauth.data.error }];
  }
  // The identity service answers a dead token with this bare word and a 403.
  if (text.trim() === 'Bad_OAuth_Token') {
    return [{ errorCode: 'Bad_OAuth_Token', message: 'the access token was refused' }];
  }
  return [{ errorCode: `ERROR_HTTP_${status}`, message: `HTTP ${status}` }];
}

/**
 * What our transport throws for an answer jsforce would otherwise flatten: it keeps the HTTP status
 * and Retry-After, which jsforce's HttpApiError drops.
 */
export class SalesforceResponseError extends Error {
  override name = 'SalesforceResponseError';
  constructor(
    readonly status: number,
    readonly errors: SalesforceErrorBody,
    readonly retryAfterMs: number | undefined,
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
  }
}

const CODE_KINDS: Readonly<Record<string, CrmErrorKind>> = {
  INVALID_SESSION_ID: 'auth',
  INVALID_AUTH_HEADER: 'auth',
  Bad_OAuth_Token: 'auth',
  API_DISABLED_FOR_ORG: 'auth',
  API_CURRENTLY_DISABLED: 'auth',
  invalid_grant: 'auth',
  invalid_client: 'auth',
  REQUEST_LIMIT_EXCEEDED: 'rate_limited',
  NOT_FOUND: 'not_found',
  ENTITY_IS_DELETED: 'not_found',
  INVALID_CROSS_REFERENCE_KEY: 'not_found',
  REQUIRED_FIELD_MISSING: 'invalid',
  INVALID_FIELD: 'invalid',
  INVALID_FIELD_FOR_INSERT_UPDATE: 'invalid',
  FIELD_CUSTOM_VALIDATION_EXCEPTION: 'invalid',
  FIELD_INTEGRITY_EXCEPTION: 'invalid',
  MALFORMED_ID: 'invalid',
  MALFORMED_QUERY: 'invalid',
  INVALID_TYPE: 'invalid',
  STRING_TOO_LONG: 'invalid',
  JSON_PARSER_ERROR: 'invalid',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'invalid',
  INSUFFICIENT_ACCESS_OR_READONLY: 'invalid',
  DUPLICATE_VALUE: 'conflict',
  DUPLICATES_DETECTED: 'conflict',
  DUPLICATE_EXTERNAL_ID: 'conflict',
  MULTIPLE_CHOICES: 'conflict',
  UNABLE_TO_LOCK_ROW: 'conflict',
  SERVER_UNAVAILABLE: 'unavailable',
};

const ADVICE: Readonly<Record<CrmErrorKind, string>> = {
  auth: 'Reconnect Salesforce from Parley’s settings.',
  rate_limited: 'Parley will retry once the org’s API allowance recovers.',
  not_found: 'The record was deleted or merged in Salesforce.',
  invalid: 'Check the Parley package is installed and the fields are visible to the connected user.',
  conflict: 'Another record already holds this value; check for duplicates in Salesforce.',
  unavailable: 'Salesforce did not answer; Parley will retry.',
};

function kindOfStatus(status: number): CrmErrorKind {
  if (status === 401) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 300) return 'conflict';
  if (status >= 500) return 'unavailable';
  return 'invalid';
}

/** Query strings can carry the token (jsforce's identity call does); no admin message shows one. */
function scrub(text: string): string {
  return text
    .replace(/(oauth_token|access_token|refresh_token)=[^&\s]+/gi, '$1=…')
    .replace(/Bearer \S+/g, 'Bearer …');
}

function build(
  kind: CrmErrorKind,
  words: string,
  extra: { status?: number; vendorCode?: string; retryAfterMs?: number },
  cause: unknown,
): CrmError {
  return new CrmError(kind, `Salesforce: ${scrub(words)} ${ADVICE[kind]}`, {
    crm: 'salesforce',
    ...(extra.status === undefined ? {} : { status: extra.status }),
    ...(extra.vendorCode === undefined ? {} : { vendorCode: extra.vendorCode }),
    ...(extra.retryAfterMs === undefined ? {} : { retryAfterMs: extra.retryAfterMs }),
    cause,
  });
}

/** One save result's error (sObject Collections answer per item), with no HTTP status of its own. */
export function saveErrorToCrmError(errors: SalesforceErrorBody, cause: unknown): CrmError {
  const first = errors[0];
  const code = first?.errorCode ?? 'UNKNOWN';
  const fields = first?.fields?.length ? ` (${first.fields.join(', ')})` : '';
  return build(
    CODE_KINDS[code] ?? 'invalid',
    `${first?.message ?? 'the record was refused'}${fields}.`,
    { vendorCode: code },
    cause,
  );
}

const JsforceErrorSchema = z.object({ errorCode: z.string(), message: z.string() });
const NetworkErrorSchema = z.object({
  name: z.enum(['FetchError', 'AbortError']),
  code: z.string().optional(),
});

/** Maps whatever a jsforce call threw to the one error a connector throws. */
export function toCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  if (error instanceof SalesforceResponseError) {
    const first = error.errors[0];
    const code = first?.errorCode;
    const kind = (code && CODE_KINDS[code]) || kindOfStatus(error.status);
    return build(
      kind,
      `${error.message}.`,
      {
        status: error.status,
        ...(code ? { vendorCode: code } : {}),
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      },
      error,
    );
  }
  const network = NetworkErrorSchema.safeParse(error);
  if (network.success) {
    // node-fetch's message holds the URL, which may hold the token: only its code is shown.
    const reason =
      network.data.name === 'AbortError' ? 'timed out' : (network.data.code ?? 'connection failed');
    return build('unavailable', `the request failed (${reason}).`, {}, error);
  }
  const jsforce = JsforceErrorSchema.safeParse(error);
  if (jsforce.success) {
    const status = /^ERROR_HTTP_(\d{3})$/.exec(jsforce.data.errorCode)?.[1];
    const kind = CODE_KINDS[jsforce.data.errorCode] ?? (status ? kindOfStatus(Number(status)) : 'invalid');
    return build(
      kind,
      `${jsforce.data.message}.`,
      { vendorCode: jsforce.data.errorCode, ...(status ? { status: Number(status) } : {}) },
      error,
    );
  }
  if (error instanceof Error && CODE_KINDS[error.name] === 'auth') {
    // jsforce's OAuth2 names its error after the token endpoint's `error` (`invalid_grant`…).
    return build('auth', `${error.message}.`, { vendorCode: error.name }, error);
  }
  if (error instanceof Error && error.message.startsWith('Unable to refresh session')) {
    // jsforce's session delegate wraps the token endpoint's refusal (revoked or expired refresh token).
    return build(
      'auth',
      'the connection’s refresh token was refused.',
      { vendorCode: 'invalid_grant' },
      error,
    );
  }
  return build('unavailable', 'an unexpected error happened while talking to Salesforce.', {}, error);
}
