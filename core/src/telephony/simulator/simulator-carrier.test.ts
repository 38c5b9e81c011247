import { describe, expect, it } from 'vitest';
import { toE164 } from '../../phone/e164.ts';
import { carrierErrorOf, runCarrierSuite } from '../carrier.suite.ts';
import { blockOf } from './fictional-ranges.ts';
import { createSimulatorCarrier } from './simulator-carrier.ts';

runCarrierSuite({ name: 'simulator', make: async () => ({ carrier: createSimulatorCarrier() }) });

const callbacks = {
  voiceUrl: 'https://parley.example/twilio/voice',
  statusCallbackUrl: 'https://parley.example/twilio/status',
};

describe('simulator carrier', () => {
  it('offers only numbers reserved for fiction, each one valid for toE164', async () => {
    const carrier = createSimulatorCarrier();
    const searches = [
      { country: 'FR' },
      { country: 'FR', areaCode: '5' },
      { country: 'GB', areaCode: '131' },
      { country: 'GB', type: 'toll_free' as const },
      { country: 'US', areaCode: '907' },
    ];
    for (const search of searches) {
      for (const number of await carrier.searchAvailable({ ...search, limit: 50 })) {
        expect(blockOf(number.e164)).not.toBeNull();
        expect(toE164(number.e164)).toBe(number.e164);
      }
    }
  });

  it('gives the same numbers for the same search in every process', async () => {
    const first = await createSimulatorCarrier().searchAvailable({ country: 'GB', areaCode: '20', limit: 3 });
    const second = await createSimulatorCarrier().searchAvailable({
      country: 'GB',
      areaCode: '20',
      limit: 3,
    });
    expect(second).toEqual(first);
    expect(first.map((number) => number.e164)).toEqual(['+442079460000', '+442079460001', '+442079460002']);
  });

  it('refuses countries it has no fictional numbers for, pointing at Twilio', async () => {
    const error = await carrierErrorOf(createSimulatorCarrier().searchAvailable({ country: 'DE' }));
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe(
      'The simulator carrier has numbers for FR, GB, US only; set Twilio credentials to search other countries',
    );
  });

  it('says which number types it has when asked for one it lacks', async () => {
    const error = await carrierErrorOf(
      createSimulatorCarrier().searchAvailable({ country: 'FR', type: 'mobile' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('Search local numbers, or set Twilio credentials');
  });

  it('refuses a US area code that does not exist', async () => {
    const error = await carrierErrorOf(
      createSimulatorCarrier().searchAvailable({ country: 'US', areaCode: '123' }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('123 is not a US area code');
  });

  it('hands out SIDs shaped like Twilio ones and marked as simulated', async () => {
    const owned = await createSimulatorCarrier().buy({ e164: '+33199000042', ...callbacks });
    expect(owned.sid).toMatch(/^PNsim[0-9a-f]{29}$/);
  });

  it('offers a released number again', async () => {
    const carrier = createSimulatorCarrier();
    const owned = await carrier.buy({ e164: '+442079460000', ...callbacks });
    await carrier.release(owned.sid);
    const [first] = await carrier.searchAvailable({ country: 'GB', areaCode: '20', limit: 1 });
    expect(first?.e164).toBe('+442079460000');
  });
});
