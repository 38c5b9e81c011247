/**
 * The telephony layer's one error type. `kind` tells the caller what to do without reading the
 * message: `auth` → fix credentials, `rate_limited`/`unavailable` → retry later, `number_unavailable`
 * → search again, `invalid`/`not_found` → fix the input. `message` is a sentence a person can act on
 * and never carries a credential.
 */
export type CarrierErrorKind =
  | 'auth'
  | 'not_found'
  | 'invalid'
  | 'number_unavailable'
  | 'rate_limited'
  | 'unavailable';

export interface CarrierErrorDetail {
  status?: number;
  twilioCode?: number;
  moreInfo?: string;
  retryAfterMs?: number;
}

export class CarrierError extends Error {
  override name = 'CarrierError';
  constructor(
    readonly kind: CarrierErrorKind,
    message: string,
    readonly detail: CarrierErrorDetail = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isCarrierError(value: unknown): value is CarrierError {
  return value instanceof CarrierError;
}
