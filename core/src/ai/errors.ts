/**
 * The AI pipeline's one error type. `kind` decides what the job does: `unavailable` and
 * `rate_limited` are tried again later; `invalid` (a refused key, audio that is not audio, an
 * answer that cannot be read) and `not_found` fail the stage with the message shown on the call.
 */
export type AiErrorKind = 'unavailable' | 'rate_limited' | 'invalid' | 'not_found';

export class AiError extends Error {
  override name = 'AiError';
  constructor(
    readonly kind: AiErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAiError(value: unknown): value is AiError {
  return value instanceof AiError;
}

/** Whether waiting and trying again can help. */
export function isRetryable(error: unknown): boolean {
  return !isAiError(error) || error.kind === 'unavailable' || error.kind === 'rate_limited';
}
