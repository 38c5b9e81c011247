import { z } from 'zod';
import { CrmError } from '../core/errors.ts';
import { parseRetryAfter } from '../core/http.ts';

/** Thrown by the client when Odoo does not answer in time; xmlrpc has no timeout of its own. */
export class OdooTimeoutError extends Error {
  override name = 'OdooTimeoutError';
}

/** What npm `xmlrpc` attaches to a fault (research/odoo.md §3.2). */
const FaultSchema = z.object({
  faultCode: z.union([z.number(), z.string()]),
  faultString: z.string(),
});

/**
 * What npm `xmlrpc` 1.3.2 throws besides faults (lib/client.js): a 404 is `Error('Not Found')`; any
 * other status has its body parsed as XML-RPC whatever the status, so a proxy's HTML page fails with
 * "Unknown XML-RPC tag …" and a plain body with "Invalid XML-RPC message". Both carry the response
 * as a non-enumerable `res` (status, headers). A dropped socket is the request's own error
 * (ECONNRESET "socket hang up"); there is no timeout at all, so the client adds one.
 */
const HttpFailureSchema = z.object({
  res: z.object({
    statusCode: z.number().int(),
    headers: z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional()),
  }),
});

const NetworkFailureSchema = z.object({ code: z.string() });
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ABORT_ERR',
  'UND_ERR_SOCKET',
]);

export interface ErrorContext {
  /** Kept out of every message: Odoo echoes nothing secret today, but a traceback could. */
  secrets?: readonly string[];
  nowMs?: number;
}

const crm = 'odoo' as const;

function redact(text: string, secrets: readonly string[] = []): string {
  let shown = text;
  for (const secret of secrets) if (secret) shown = shown.split(secret).join('***');
  return shown;
}

/** The exception's own words: a code-1 fault carries the whole traceback, whose last line says what failed. */
function lastLine(faultString: string): string {
  const lines = faultString.split('\n').map((line) => line.trim());
  const start = lines.findIndex((line) => line.startsWith('Traceback (most recent call last)'));
  if (start < 0) return faultString.trim();
  // The exception line is the first after the last frame; a message may continue over more lines.
  let last = lines.length - 1;
  while (last > 0 && lines[last] === '') last--;
  let first = last;
  while (first > 0 && !/^[\w.]+(Error|Exception|Failure|Denied|Warning)\b.*:/.test(lines[first] ?? ''))
    first--;
  return lines
    .slice(first, last + 1)
    .join('\n')
    .trim();
}

/** The Odoo or Python exception a fault names, when it names one. */
function exceptionName(faultCode: number | string, faultString: string): string | undefined {
  const text = `${typeof faultCode === 'string' ? faultCode : ''}\n${lastLine(faultString)}`;
  const named = /(?:^|\n|\s)((?:[\w]+\.)*(\w+(?:Error|Exception|Failure|Denied|Warning)))\b/.exec(text);
  return named?.[2];
}

function withoutExceptionPrefix(line: string): string {
  return line.replace(/^(?:[\w]+\.)*\w+(?:Error|Exception|Failure|Denied|Warning):\s*/, '').trim();
}

const clip = (text: string) => (text.length > 400 ? `${text.slice(0, 397)}…` : text);

function fromFault(faultCode: number | string, faultString: string, context: ErrorContext, cause: unknown) {
  const name = exceptionName(faultCode, faultString);
  const said = clip(redact(withoutExceptionPrefix(lastLine(faultString)), context.secrets));
  const vendorCode = name ?? `fault ${String(faultCode)}`;
  const detail = { crm, vendorCode, cause };
  if (faultCode === 3 || name === 'AccessDenied' || /^Access Denied$/i.test(faultString.trim())) {
    return new CrmError(
      'auth',
      'Odoo refused the API key (Access Denied): it was revoked, or the login or database changed. Create a new API key in Odoo (Preferences → Account Security) and reconnect.',
      detail,
    );
  }
  if (faultCode === 4 || name === 'AccessError') {
    return new CrmError(
      'auth',
      `Odoo says the connected user lacks the rights for this: ${said} Give that user access (Contacts, and Parley calls once the module is installed) or reconnect with another user.`,
      detail,
    );
  }
  if (
    name === 'SerializationFailure' ||
    name === 'TransactionRollbackError' ||
    /could not serialize access|concurrent update|deadlock detected/i.test(faultString)
  ) {
    return new CrmError('conflict', `Odoo was updating the same record at the same time: ${said}`, detail);
  }
  if (name === 'MissingError' || /Record does not exist or has been deleted/i.test(faultString)) {
    return new CrmError(
      'not_found',
      `Odoo says the record no longer exists (deleted in Odoo?): ${said}`,
      detail,
    );
  }
  // Parley's module declares call_id unique: a duplicate means another worker created it first.
  if (/already exists|unique constraint|duplicate key/i.test(faultString)) {
    return new CrmError('conflict', `Odoo already holds this record: ${said}`, detail);
  }
  if (
    name === 'OperationalError' ||
    name === 'InterfaceError' ||
    /server closed the connection/i.test(said)
  ) {
    return new CrmError('unavailable', `Odoo's database did not answer: ${said}`, detail);
  }
  // UserError, ValidationError, ValueError, unknown model or method: retrying cannot fix it.
  return new CrmError('invalid', `Odoo refused the request: ${said}`, detail);
}

function fromHttp(status: number, retryAfter: string | undefined, context: ErrorContext, cause: unknown) {
  const detail = { crm, status, cause };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter, context.nowMs ?? Date.now());
    return new CrmError(
      'rate_limited',
      'Odoo (its hosting proxy) is throttling requests; Parley will retry after the wait it asked for.',
      { ...detail, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    );
  }
  if (status === 401 || status === 403) {
    return new CrmError(
      'auth',
      `Odoo's server answered ${status}: a proxy in front of Odoo refuses Parley. Check the Odoo address and that its XML-RPC endpoints are reachable.`,
      detail,
    );
  }
  if (status === 404) {
    return new CrmError(
      'invalid',
      'Odoo answered 404 for its XML-RPC endpoint: check the Odoo address in the connection (no /web or /odoo path).',
      detail,
    );
  }
  if (status >= 500) {
    return new CrmError(
      'unavailable',
      `Odoo is not answering right now (HTTP ${status}); Parley will retry.`,
      detail,
    );
  }
  return new CrmError(
    'unavailable',
    `Odoo answered HTTP ${status} with something that is not XML-RPC; Parley will retry.`,
    detail,
  );
}

/** Every failure of an XML-RPC call (fault, proxy page, dropped socket, timeout) as the one error connectors throw. */
export function toCrmError(error: unknown, context: ErrorContext = {}): CrmError {
  if (error instanceof CrmError) return error;
  const fault = FaultSchema.safeParse(error);
  if (fault.success) return fromFault(fault.data.faultCode, fault.data.faultString, context, error);
  const http = HttpFailureSchema.safeParse(error);
  if (http.success) {
    const header = http.data.res.headers['retry-after'];
    return fromHttp(http.data.res.statusCode, Array.isArray(header) ? header[0] : header, context, error);
  }
  if (error instanceof OdooTimeoutError) {
    return new CrmError('unavailable', `Odoo did not answer in time (${error.message}); Parley will retry.`, {
      crm,
      cause: error,
    });
  }
  const network = NetworkFailureSchema.safeParse(error);
  if ((network.success && NETWORK_CODES.has(network.data.code)) || /socket hang up/i.test(String(error))) {
    return new CrmError('unavailable', 'The connection to Odoo dropped; Parley will retry.', {
      crm,
      vendorCode: network.success ? network.data.code : undefined,
      cause: error,
    });
  }
  return new CrmError(
    'unavailable',
    `Odoo's answer could not be read (${redact(String(error), context.secrets)}); Parley will retry.`,
    { crm, cause: error },
  );
}
