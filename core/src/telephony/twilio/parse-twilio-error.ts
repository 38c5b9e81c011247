import { z } from 'zod';
import { CarrierError, type CarrierErrorDetail, type CarrierErrorKind } from '../errors.ts';

/**
 * Turns what the `twilio` client throws into a CarrierError. Twilio's REST errors carry an HTTP status
 * and a Twilio code (twilio.com/docs/api/errors); the code says more than the status, so known codes
 * get their own sentence and the rest fall back on the status.
 */

// RestException (legacy bodies) and TwilioServiceException (RFC 9457 bodies) both expose these.
const twilioRestError = z.object({
  status: z.number().int(),
  code: z.number().int().optional(),
  message: z.string().optional(),
  detail: z.string().optional(),
  moreInfo: z.string().optional(),
});

// axios errors for refused connections, DNS failures and timeouts.
const networkError = z.object({ code: z.string().regex(/^E[A-Z_]+$/) });

const KNOWN_CODES: Record<number, { kind: CarrierErrorKind; message: string }> = {
  20003: {
    kind: 'auth',
    message:
      'Twilio rejected the Account SID or Auth Token. Copy both again from the Twilio Console (Account Info); the token changes when it is rotated.',
  },
  20005: {
    kind: 'auth',
    message: 'The Twilio account is not active (suspended or closed). Reactivate it in the Twilio Console.',
  },
  20403: {
    kind: 'auth',
    message:
      'Twilio refused access. Check that these credentials belong to the account that owns the resource.',
  },
  20404: { kind: 'not_found', message: 'Twilio has no such resource on this account.' },
  20429: { kind: 'rate_limited', message: 'Twilio is rate limiting this account. Wait a moment and retry.' },
  21421: {
    kind: 'invalid',
    message: 'Twilio says the phone number is invalid. Give it in E.164 form, e.g. +14155550123.',
  },
  21422: {
    kind: 'number_unavailable',
    message: 'This number is no longer available to buy on Twilio. Search again and pick another.',
  },
  21451: {
    kind: 'invalid',
    message: 'Twilio does not know this area code. Area codes apply to US and Canada numbers.',
  },
  21452: {
    kind: 'number_unavailable',
    message: 'Twilio has no numbers left in this area code. Try another area code, or none.',
  },
  21631: {
    kind: 'invalid',
    message:
      'Twilio needs an address on the account to buy this number. Add one under Phone Numbers > Regulatory Compliance in the Twilio Console.',
  },
  21649: {
    kind: 'invalid',
    message:
      'Twilio needs an approved regulatory bundle to buy numbers in this country. Create one under Phone Numbers > Regulatory Compliance in the Twilio Console.',
  },
};

export function parseTwilioError(error: unknown): CarrierError {
  if (error instanceof CarrierError) return error;

  const rest = twilioRestError.safeParse(error);
  if (rest.success) {
    const { status, code, moreInfo } = rest.data;
    const twilioMessage = rest.data.detail ?? rest.data.message;
    const detail: CarrierErrorDetail = { status, twilioCode: code, moreInfo };
    const known = code === undefined ? undefined : KNOWN_CODES[code];
    const kind = known?.kind ?? kindOfStatus(status);
    const sentence = known?.message ?? fallbackMessage(kind, status, twilioMessage);
    return new CarrierError(kind, `${sentence} (Twilio ${code ?? `HTTP ${status}`})`, detail, {
      cause: error,
    });
  }

  // No cause here: axios errors hold the request config, Authorization header included.
  const network = networkError.safeParse(error);
  if (network.success) {
    return new CarrierError(
      'unavailable',
      `Could not reach Twilio (${network.data.code}). Check the network or proxy, then retry.`,
    );
  }

  const message = error instanceof Error ? error.message : String(error);
  return new CarrierError(
    'unavailable',
    `The Twilio client failed unexpectedly: ${message}`,
    {},
    { cause: error },
  );
}

function kindOfStatus(status: number): CarrierErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'invalid';
}

function fallbackMessage(kind: CarrierErrorKind, status: number, twilioMessage: string | undefined): string {
  const said = twilioMessage ? `: ${twilioMessage.replace(/\.$/, '')}.` : '.';
  switch (kind) {
    case 'auth':
      return `Twilio refused the credentials${said} Check the Account SID and Auth Token in the Twilio Console.`;
    case 'unavailable':
      return `Twilio is unavailable (HTTP ${status})${said} Retry shortly; status.twilio.com shows incidents.`;
    case 'rate_limited':
      return `Twilio is rate limiting this account${said} Wait a moment and retry.`;
    case 'not_found':
      return `Twilio could not find it${said}`;
    default:
      return `Twilio refused the request${said}`;
  }
}
