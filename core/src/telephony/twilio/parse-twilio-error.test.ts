import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { CarrierError, type CarrierErrorKind } from '../errors.ts';
import { parseTwilioError } from './parse-twilio-error.ts';

/** Builds the exception the twilio client throws for a Twilio error body. */
function restException(
  status: number,
  body: { code?: number; message?: string; more_info?: string } | string,
) {
  return new twilio.RestException({ statusCode: status, body });
}

const errorBody = (code: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
});

describe('parseTwilioError', () => {
  it.each<[number, number | null, string, CarrierErrorKind, string]>([
    [401, 20003, 'Authenticate', 'auth', 'Twilio rejected the Account SID or Auth Token'],
    [401, 20005, 'Account not active', 'auth', 'not active'],
    [403, 20403, 'Forbidden', 'auth', 'Twilio refused access'],
    [
      404,
      20404,
      'The requested resource /2010-04-01/Accounts/AC1/IncomingPhoneNumbers/PN1.json was not found',
      'not_found',
      'no such resource',
    ],
    [400, 21421, 'PhoneNumber is invalid', 'invalid', 'E.164 form'],
    [400, 21422, 'PhoneNumber is not available', 'number_unavailable', 'Search again and pick another'],
    [400, 21451, 'Invalid area code', 'invalid', 'does not know this area code'],
    [
      400,
      21452,
      'No phone numbers found in area code',
      'number_unavailable',
      'no numbers left in this area code',
    ],
    [400, 21649, 'Phone Number Requires a Bundle', 'invalid', 'regulatory bundle'],
    [400, 21631, 'Phone Number Requires an Address', 'invalid', 'needs an address'],
    [429, 20429, 'Too Many Requests', 'rate_limited', 'Wait a moment and retry'],
    [
      500,
      20500,
      'Internal Server Error',
      'unavailable',
      'Twilio is unavailable (HTTP 500): Internal Server Error.',
    ],
    [503, 20503, 'Service Unavailable', 'unavailable', 'Twilio is unavailable (HTTP 503)'],
    [
      400,
      21205,
      'Url is not a valid url: ftp://x',
      'invalid',
      'Twilio refused the request: Url is not a valid url: ftp://x.',
    ],
    [401, null, '', 'auth', 'Twilio refused the credentials'],
    [404, null, '', 'not_found', 'Twilio could not find it'],
  ])('HTTP %i code %s (%s) is %s', (status, code, message, kind, expected) => {
    const body = code === null ? '' : errorBody(code, message);
    const error = parseTwilioError(restException(status, body));
    expect(error).toBeInstanceOf(CarrierError);
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(expected);
    expect(error.detail).toEqual({
      status,
      twilioCode: code ?? undefined,
      moreInfo: code === null ? undefined : `https://www.twilio.com/docs/errors/${code}`,
    });
  });

  it('names the Twilio code in the message so support can look it up', () => {
    expect(
      parseTwilioError(restException(400, errorBody(21422, 'PhoneNumber is not available'))).message,
    ).toMatch(/\(Twilio 21422\)$/);
  });

  it('reads the RFC 9457 errors newer Twilio APIs send', () => {
    const error = parseTwilioError(
      Object.assign(new Error('Service error'), {
        status: 429,
        code: 20429,
        title: 'Too Many Requests',
        detail: 'Slow down',
      }),
    );
    expect(error.kind).toBe('rate_limited');
  });

  it('reads connection failures as unavailable and keeps the request, token included, out of the error', () => {
    const axiosLike = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), {
      code: 'ECONNREFUSED',
      config: { headers: { Authorization: 'Basic QUMxOnNlY3JldA==' } },
    });
    const error = parseTwilioError(axiosLike);
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('Could not reach Twilio (ECONNREFUSED)');
    expect(error.cause).toBeUndefined();
  });

  it('passes CarrierErrors through unchanged', () => {
    const original = new CarrierError('invalid', 'Bad input.');
    expect(parseTwilioError(original)).toBe(original);
  });
});
