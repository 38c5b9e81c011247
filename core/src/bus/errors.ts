/**
 * The bus layer's one error type. `unavailable` means the backend (Redis) cannot be reached or the
 * bus was closed: retrying later or fixing the deployment helps. `invalid` means the caller passed
 * something the bus cannot hold (a non-JSON message, a zero ttl): the calling code must change.
 */
export type BusErrorKind = 'unavailable' | 'invalid';

export class BusError extends Error {
  override name = 'BusError';
  constructor(
    readonly kind: BusErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isBusError(value: unknown): value is BusError {
  return value instanceof BusError;
}
