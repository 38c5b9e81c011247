import type { z } from 'zod';
import { type AppError, type AppErrorKind, isAppError } from '../errors.ts';
import { StoreError } from '../store/errors.ts';
import { translateMessage } from './messages-fr.ts';
import type { Locale } from './pages/locale.ts';

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

const STATUS: Record<AppErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  payment_required: 402,
  forbidden: 403,
  plan_required: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  precondition_failed: 409,
  rate_limited: 429,
  unavailable: 503,
};

export function statusOf(error: AppError): number {
  return STATUS[error.kind];
}

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } };
}

/**
 * The body in the request's language: French translates `message` and every `details.fields`
 * value (unknown strings stay English); `code` and field keys never change.
 */
export function localizeErrorBody(body: ErrorBody, locale: Locale): ErrorBody {
  if (locale !== 'fr') return body;
  const { code, message, details } = body.error;
  const fields = details.fields;
  const localized =
    fields && typeof fields === 'object'
      ? {
          ...details,
          fields: Object.fromEntries(
            Object.entries(fields as Record<string, unknown>).map(([key, value]) => [
              key,
              typeof value === 'string' ? translateMessage(value) : value,
            ]),
          ),
        }
      : details;
  return { error: { code, message: translateMessage(message), details: localized } };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { details?: unknown }).details === 'object' &&
    (error as { details?: unknown }).details !== null
  );
}

/** Zod issues as `{ "path.to.field": "message" }`, the first message per field. */
export function fieldsOf(error: z.ZodError, prefix?: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)';
    fields[path] ??= issue.message;
  }
  return fields;
}

/**
 * Any thrown value to a status and a body a person can act on. Unknown errors become a 500
 * with a generic message: the stack goes to the log, never to the client.
 */
export function toHttpError(error: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (isAppError(error))
    return {
      status: statusOf(error),
      body: errorBody(error.code, error.message, error.details),
      unexpected: false,
    };
  if (error instanceof StoreError && error.kind === 'unavailable')
    return {
      status: 503,
      body: errorBody('store_unavailable', 'The database is not answering; try again in a moment.'),
      unexpected: true,
    };
  return {
    status: 500,
    body: errorBody(
      'internal',
      'Something went wrong on our side; it has been logged. Try again, or contact your operator.',
    ),
    unexpected: true,
  };
}
