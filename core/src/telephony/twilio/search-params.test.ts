import { describe, expect, it } from 'vitest';
import { carrierErrorOf } from '../carrier.suite.ts';
import { parseNumberSearch } from '../number-search.ts';
import { toTwilioSearchParams } from './search-params.ts';

describe('toTwilioSearchParams', () => {
  it('asks for voice numbers, limit included', () => {
    expect(toTwilioSearchParams(parseNumberSearch({ country: 'US' }))).toEqual({
      voiceEnabled: true,
      limit: 20,
    });
  });

  it('passes US and Canadian area codes as Twilio AreaCode', () => {
    expect(
      toTwilioSearchParams(parseNumberSearch({ country: 'US', areaCode: '415', contains: '5550$' })),
    ).toEqual({
      areaCode: 415,
      contains: '5550$',
      voiceEnabled: true,
      limit: 20,
    });
    expect(toTwilioSearchParams(parseNumberSearch({ country: 'CA', areaCode: '604' })).areaCode).toBe(604);
  });

  it('turns other countries’ area codes into a pattern anchored on the country code', () => {
    expect(toTwilioSearchParams(parseNumberSearch({ country: 'FR', areaCode: '01' })).contains).toBe('+331');
    expect(toTwilioSearchParams(parseNumberSearch({ country: 'GB', areaCode: '20' })).contains).toBe('+4420');
  });

  it('refuses an area code and a pattern together outside North America', async () => {
    const search = parseNumberSearch({ country: 'FR', areaCode: '1', contains: '99' });
    const error = await carrierErrorOf(Promise.resolve().then(() => toTwilioSearchParams(search)));
    expect(error.kind).toBe('invalid');
  });
});
