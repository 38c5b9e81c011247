import { z } from 'zod';
import { CrmError, type CrmErrorKind } from '../core/errors.ts';
import type { HttpResponse } from '../core/http.ts';

/**
 * Attio's error body (`{status_code, type, code, message}`); the meetings endpoints document
 * `statusCode` in camelCase, so both spellings are read.
 */
const AttioErrorBody = z.object({
  status_code: z.number().optional(),
  statusCode: z.number().optional(),
  type: z.string().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});

function kindOf(status: number, code: string | undefined): CrmErrorKind {
  if (status === 401 || status === 403) return code === 'billing_error' ? 'invalid' : 'auth';
  if (status === 429) return 'rate_limited';
  if (status >= 500 || status === 408) return 'unavailable';
  if (status === 404 || code === 'not_found' || code === 'value_not_found') return 'not_found';
  if (status === 409) return code === 'concurrent_write_conflict' ? 'conflict' : 'invalid';
  return 'invalid';
}

const ADVICE: Record<CrmErrorKind, string> = {
  auth: 'Reconnect Attio in Parley’s settings.',
  rate_limited: 'Parley will try again when Attio allows it.',
  not_found: 'The record may have been deleted in Attio.',
  invalid: 'Check the Attio connection’s settings and the record’s data.',
  unavailable: 'Parley will try again shortly.',
  conflict: 'Parley will read the record again and retry.',
};

/** Attio's status and body to the one error the sync worker understands. */
export function toCrmError(response: HttpResponse): CrmError {
  let body: z.infer<typeof AttioErrorBody> = {};
  try {
    const parsed = AttioErrorBody.safeParse(JSON.parse(response.text));
    if (parsed.success) body = parsed.data;
  } catch {
    // A proxy's HTML page: the status alone decides.
  }
  const kind = kindOf(response.status, body.code);
  const said = body.message ? `Attio said: “${body.message}”` : `Attio answered HTTP ${response.status}.`;
  return new CrmError(kind, `${said} ${ADVICE[kind]}`, {
    crm: 'attio',
    status: response.status,
    ...(response.retryAfterMs === undefined ? {} : { retryAfterMs: response.retryAfterMs }),
    ...(body.code ? { vendorCode: body.code } : {}),
    cause: body,
  });
}
