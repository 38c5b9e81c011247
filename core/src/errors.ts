/**
 * The domain layer's one error type. `kind` decides the HTTP status (see http/errors.ts);
 * `code` is a stable machine string clients can branch on; `message` is a sentence a person
 * can act on; `details` carries field-level messages (`{ fields: { "email": "..." } }`).
 */
export type AppErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payment_required'
  | 'plan_required'
  | 'precondition_failed'
  | 'rate_limited'
  | 'unavailable';

export interface AppErrorDetails {
  fields?: Record<string, string>;
  [key: string]: unknown;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: AppErrorKind,
    readonly code: string,
    message: string,
    readonly details: AppErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** A 400 that names the offending field, the shape every form in the console can show inline. */
export function fieldError(field: string, message: string, code = 'invalid_input'): AppError {
  return new AppError('invalid', code, message, { fields: { [field]: message } });
}
