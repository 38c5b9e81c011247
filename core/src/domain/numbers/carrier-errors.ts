import { AppError } from '../../errors.ts';
import { CarrierError } from '../../telephony/errors.ts';

/** Carrier errors as the API shows them to an admin, each saying what to do next. */
export function fromCarrierError(error: unknown): unknown {
  if (!(error instanceof CarrierError)) return error;
  switch (error.kind) {
    case 'auth':
      return new AppError(
        'precondition_failed',
        'carrier_auth',
        `The carrier refused Parley's credentials: check the Twilio Account SID and auth token in account settings. (${error.message})`,
      );
    case 'number_unavailable':
      return new AppError('conflict', 'number_unavailable', error.message, {
        fields: { e164: error.message },
      });
    case 'not_found':
      return new AppError('not_found', 'carrier_not_found', error.message);
    case 'invalid':
      return new AppError('invalid', 'carrier_invalid', error.message, {
        fields: { country: error.message },
      });
    case 'rate_limited':
      return new AppError('rate_limited', 'carrier_rate_limited', error.message, {
        retryAfterMs: error.detail.retryAfterMs,
      });
    case 'unavailable':
      return new AppError('unavailable', 'carrier_unavailable', error.message);
  }
}
