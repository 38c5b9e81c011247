import { describe, expect, it } from 'vitest';
import type { BuyRequest, NumberSearch } from './carrier.ts';
import { CarrierError } from './errors.ts';
import { parseBuyRequest, parseNumberSearch, parseNumberSid } from './number-search.ts';

const buy: BuyRequest = {
  e164: '+14155550123',
  voiceUrl: 'https://parley.example/twilio/voice',
  statusCallbackUrl: 'https://parley.example/twilio/status',
};

function invalidMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CarrierError && error.kind === 'invalid') return error.message;
    throw error;
  }
  throw new Error('expected CarrierError(invalid)');
}

describe('parseNumberSearch', () => {
  it('fills the defaults: local numbers, 20 of them', () => {
    expect(parseNumberSearch({ country: 'fr' })).toEqual({
      country: 'FR',
      type: 'local',
      areaCode: null,
      contains: null,
      limit: 20,
    });
  });

  it('drops the trunk prefix from national area codes', () => {
    expect(parseNumberSearch({ country: 'FR', areaCode: '01' }).areaCode).toBe('1');
    expect(parseNumberSearch({ country: 'GB', areaCode: '020' }).areaCode).toBe('20');
    expect(parseNumberSearch({ country: 'US', areaCode: '415' }).areaCode).toBe('415');
  });

  it('reads empty optional fields from forms as absent', () => {
    const parsed = parseNumberSearch({ country: 'US', areaCode: '', contains: '' });
    expect(parsed.areaCode).toBeNull();
    expect(parsed.contains).toBeNull();
  });

  it.each<[NumberSearch, string]>([
    [{ country: 'France' }, 'country must be an ISO 3166 alpha-2 code'],
    [{ country: 'FR', limit: 51 }, 'limit must be at most 50'],
    [{ country: 'FR', limit: 0 }, 'limit must be at least 1'],
    [{ country: 'US', areaCode: '41a' }, 'areaCode must be 1 to 5 digits'],
    [{ country: 'US', contains: '5' }, 'contains must be 2 to 16 digits or letters'],
    [{ country: 'US', type: 'landline' as 'local' }, 'type must be local, mobile or toll_free'],
  ])('refuses %j saying what to fix', (search, expected) => {
    expect(invalidMessage(() => parseNumberSearch(search))).toContain(expected);
  });
});

describe('parseBuyRequest', () => {
  it('accepts a valid E.164 number and http(s) callbacks', () => {
    expect(parseBuyRequest(buy)).toEqual(buy);
  });

  it.each<[Partial<BuyRequest>, string]>([
    [{ e164: '0612345678' }, 'e164 must be a valid number in E.164 form'],
    [{ voiceUrl: '/twilio/voice' }, 'voiceUrl must be an absolute http(s) URL'],
    [
      { statusCallbackUrl: 'ftp://parley.example/status' },
      'statusCallbackUrl must be an absolute http(s) URL',
    ],
    [{ friendlyName: 'x'.repeat(65) }, 'friendlyName must be at most 64 characters'],
  ])('refuses %j saying what to fix', (change, expected) => {
    expect(invalidMessage(() => parseBuyRequest({ ...buy, ...change }))).toContain(expected);
  });
});

describe('parseNumberSid', () => {
  it('accepts Twilio and simulator SIDs and refuses anything else', () => {
    expect(parseNumberSid(`PN${'a'.repeat(32)}`)).toBe(`PN${'a'.repeat(32)}`);
    expect(parseNumberSid(`PNsim${'0'.repeat(29)}`)).toBe(`PNsim${'0'.repeat(29)}`);
    expect(invalidMessage(() => parseNumberSid('CA123'))).toContain('PN followed by 32');
  });
});
