import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioEmulator, type TwilioEmulator } from './server.ts';

describe('Twilio emulator', () => {
  let emulator: TwilioEmulator;
  let auth: string;
  beforeAll(async () => {
    emulator = await startTwilioEmulator();
    auth = `Basic ${Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString('base64')}`;
  });
  afterAll(async () => {
    await emulator.close();
  });

  const accountPath = () => `/2010-04-01/Accounts/${emulator.accountSid}`;

  it('answers a wrong password with Twilio’s 401 body', async () => {
    const wrong = `Basic ${Buffer.from(`${emulator.accountSid}:nope`).toString('base64')}`;
    const response = await fetch(`${emulator.url}${accountPath()}.json`, {
      headers: { authorization: wrong },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  it('answers buying a number it never offered with 21422', async () => {
    const response = await fetch(`${emulator.url}${accountPath()}/IncomingPhoneNumbers.json`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ PhoneNumber: '+14155550250' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 21422, status: 400 });
  });

  it('lists numbers in Twilio’s page shape', async () => {
    const response = await fetch(
      `${emulator.url}${accountPath()}/AvailablePhoneNumbers/FR/Local.json?PageSize=2`,
      {
        headers: { authorization: auth },
      },
    );
    expect(await response.json()).toMatchObject({
      page: 0,
      page_size: 2,
      next_page_uri: null,
      available_phone_numbers: [
        {
          phone_number: '+33199000000',
          iso_country: 'FR',
          capabilities: { voice: true, SMS: false, MMS: false },
        },
        { phone_number: '+33199000001' },
      ],
    });
  });

  it('records requests the spec does not declare, and paths it does not serve', async () => {
    const before = emulator.violations().length;
    await fetch(`${emulator.url}${accountPath()}/AvailablePhoneNumbers/US/Local.json?Bogus=1`, {
      headers: { authorization: auth },
    });
    await fetch(`${emulator.url}${accountPath()}/Calls.json`, { headers: { authorization: auth } });
    expect(emulator.violations().slice(before)).toEqual([
      'GET /2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/Local.json: query parameter "Bogus" is not in the Twilio spec',
      `the emulator does not serve GET ${accountPath()}/Calls.json`,
    ]);
  });
});
