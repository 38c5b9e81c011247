import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrierErrorOf, runCarrierSuite } from '../carrier.suite.ts';
import { CarrierError } from '../errors.ts';
import { startTwilioEmulator, type TwilioEmulator } from './emulator/server.ts';
import { createTwilioCarrier } from './twilio-carrier.ts';

const callbacks = {
  voiceUrl: 'https://parley.example/twilio/voice',
  statusCallbackUrl: 'https://parley.example/twilio/status',
};

function carrierFor(emulator: TwilioEmulator, authToken = emulator.authToken) {
  return createTwilioCarrier({ accountSid: emulator.accountSid, authToken }, { apiBaseUrl: emulator.url });
}

let suiteEmulator: TwilioEmulator | undefined;

runCarrierSuite({
  name: 'twilio, against the emulator',
  make: async () => {
    const emulator = await startTwilioEmulator();
    suiteEmulator = emulator;
    return { carrier: carrierFor(emulator), close: () => emulator.close() };
  },
});

describe('twilio carrier', () => {
  let emulator: TwilioEmulator;
  beforeAll(async () => {
    emulator = await startTwilioEmulator({
      inventory: [
        {
          phoneNumber: '+14155550100',
          isoCountry: 'US',
          type: 'local',
          locality: 'San Francisco',
          region: 'CA',
          sms: true,
        },
        {
          phoneNumber: '+447700900001',
          isoCountry: 'GB',
          type: 'mobile',
          locality: null,
          region: null,
          sms: true,
        },
        {
          phoneNumber: '+442079460001',
          isoCountry: 'GB',
          type: 'local',
          locality: 'London',
          region: null,
          sms: false,
        },
      ],
    });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('kept every request and response of the conformance suite to Twilio’s spec', () => {
    expect(suiteEmulator?.violations()).toEqual([]);
  });

  it('fails auth on a wrong token, and the error holds neither token', async () => {
    const wrongToken = 'f'.repeat(32);
    const error = await carrierErrorOf(carrierFor(emulator, wrongToken).verify());
    expect(error.kind).toBe('auth');
    expect(error.detail.twilioCode).toBe(20003);
    const everything = inspect(error, { depth: 10, showHidden: true });
    expect(everything).not.toContain(wrongToken);
    expect(everything).not.toContain(emulator.authToken);
  });

  it('fails auth on malformed credentials before any request, without echoing the token', () => {
    const run = () => createTwilioCarrier({ accountSid: 'SK123', authToken: 'sekret-token' });
    expect(run).toThrow(CarrierError);
    expect(run).toThrow(/Account SID is AC followed by 32 hex characters/);
    expect(run).not.toThrow(/sekret-token/);
  });

  it('verify names the Twilio account', async () => {
    expect(await carrierFor(emulator).verify()).toEqual({
      kind: 'twilio',
      accountSid: emulator.accountSid,
      friendlyName: 'Parley emulated account',
    });
  });

  it('verify fails auth when the account is suspended', async () => {
    emulator.state.account.status = 'suspended';
    try {
      const error = await carrierErrorOf(carrierFor(emulator).verify());
      expect(error.kind).toBe('auth');
      expect(error.message).toContain('is suspended');
    } finally {
      emulator.state.account.status = 'active';
    }
  });

  it('buys with Parley’s webhooks, both called with POST', async () => {
    const owned = await carrierFor(emulator).buy({
      e164: '+442079460001',
      ...callbacks,
      friendlyName: 'London desk',
    });
    expect(emulator.state.owned.get(owned.sid)).toMatchObject({
      friendlyName: 'London desk',
      voiceUrl: callbacks.voiceUrl,
      voiceMethod: 'POST',
      statusCallback: callbacks.statusCallbackUrl,
      statusCallbackMethod: 'POST',
    });
  });

  it('reads locality, region and the SMS flag Twilio spells in capitals', async () => {
    expect(await carrierFor(emulator).searchAvailable({ country: 'US' })).toEqual([
      {
        e164: '+14155550100',
        country: 'US',
        locality: 'San Francisco',
        region: 'CA',
        type: 'local',
        capabilities: { voice: true, sms: true },
      },
    ]);
  });

  it('leaves out numbers Parley could not store', async () => {
    expect(await carrierFor(emulator).searchAvailable({ country: 'GB', type: 'mobile' })).toEqual([]);
  });

  it('fails not_found, naming the type, when Twilio sells no such numbers in a country', async () => {
    const error = await carrierErrorOf(
      carrierFor(emulator).searchAvailable({ country: 'US', type: 'mobile' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe('Twilio sells no mobile numbers in US; try another number type.');
  });

  it('fails rate_limited on Twilio’s 429 and unavailable on its 503', async () => {
    emulator.failNext({ status: 429, code: 20429, message: 'Too Many Requests' });
    expect((await carrierErrorOf(carrierFor(emulator).searchAvailable({ country: 'US' }))).kind).toBe(
      'rate_limited',
    );
    emulator.failNext({ status: 503, code: 20503, message: 'Service Unavailable' });
    expect((await carrierErrorOf(carrierFor(emulator).verify())).kind).toBe('unavailable');
  });

  it('fails unavailable when Twilio cannot be reached', async () => {
    const carrier = createTwilioCarrier(
      { accountSid: emulator.accountSid, authToken: emulator.authToken },
      { apiBaseUrl: 'http://127.0.0.1:1' },
    );
    const error = await carrierErrorOf(carrier.verify());
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('Could not reach Twilio');
  });

  it('kept its own requests and responses to Twilio’s spec too', () => {
    expect(emulator.violations()).toEqual([]);
  });
});
