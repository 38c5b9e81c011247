import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toE164 } from '../phone/e164.ts';
import type { BuyRequest, Carrier } from './carrier.ts';
import { CarrierError, type CarrierErrorKind } from './errors.ts';
import { matchesNumberPattern } from './number-pattern.ts';

/**
 * What every Carrier must do, run against each implementation (after Hono's `runTest`). A skip must
 * say why, and must name a test that exists.
 */
export interface CarrierSuiteOptions {
  name: string;
  /** Called once per suite; the cases share the carrier and never reuse each other's numbers. */
  make: () => Promise<{ carrier: Carrier; close?: () => Promise<void> }>;
  skip?: { reason: string; tests: string[] }[];
}

const callbacks = {
  voiceUrl: 'https://parley.example/twilio/voice',
  statusCallbackUrl: 'https://parley.example/twilio/status',
} satisfies Partial<BuyRequest>;

export async function carrierErrorOf(promise: Promise<unknown>): Promise<CarrierError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CarrierError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a CarrierError');
}

async function expectKind(promise: Promise<unknown>, kind: CarrierErrorKind): Promise<void> {
  expect((await carrierErrorOf(promise)).kind).toBe(kind);
}

export function runCarrierSuite({ name, make, skip = [] }: CarrierSuiteOptions): void {
  describe(`Carrier: ${name}`, () => {
    let carrier: Carrier;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ carrier, close } = await make());
    });
    afterAll(async () => {
      await close?.();
    });

    const defined = new Set<string>();
    const test = (title: string, run: () => Promise<void>) => {
      defined.add(title);
      const reason = skip.find((entry) => entry.tests.includes(title))?.reason;
      it(title, async (context) => {
        if (reason) context.skip(reason);
        await run();
      });
    };

    test('search returns valid E.164 numbers of the asked country and type', async () => {
      for (const country of ['FR', 'GB', 'US']) {
        const found = await carrier.searchAvailable({ country, limit: 5 });
        expect(found).toHaveLength(5);
        for (const number of found) {
          expect(toE164(number.e164)).toBe(number.e164);
          expect(parsePhoneNumberFromString(number.e164)?.country).toBe(country);
          expect(number).toMatchObject({ country, type: 'local', capabilities: { voice: true } });
        }
      }
    });

    test('search returns 20 numbers unless told a limit', async () => {
      expect(await carrier.searchAvailable({ country: 'US' })).toHaveLength(20);
      expect(await carrier.searchAvailable({ country: 'US', limit: 3 })).toHaveLength(3);
    });

    test('search by area code returns numbers of that area only', async () => {
      const cases = [
        ['US', '415', '+1415'],
        ['FR', '01', '+331'],
        ['GB', '20', '+4420'],
      ] as const;
      for (const [country, areaCode, prefix] of cases) {
        const found = await carrier.searchAvailable({ country, areaCode, limit: 10 });
        expect(found.length).toBeGreaterThan(0);
        expect(found.filter((number) => !number.e164.startsWith(prefix))).toEqual([]);
      }
    });

    test('search by pattern returns only numbers matching it', async () => {
      const found = await carrier.searchAvailable({ country: 'US', areaCode: '415', contains: '55501*3' });
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((number) => !matchesNumberPattern(number.e164, '55501*3'))).toEqual([]);
    });

    test('a bought number is no longer offered', async () => {
      const [offered] = await carrier.searchAvailable({ country: 'US', areaCode: '212', limit: 1 });
      if (!offered) throw new Error('no number offered in 212');
      const owned = await carrier.buy({ e164: offered.e164, ...callbacks, friendlyName: 'Support line' });
      expect(owned.e164).toBe(offered.e164);
      expect(owned.sid).toMatch(/^PN[0-9A-Za-z]{32}$/);
      const after = await carrier.searchAvailable({ country: 'US', areaCode: '212', limit: 50 });
      expect(after.map((number) => number.e164)).not.toContain(offered.e164);
    });

    test('buying a number twice fails number_unavailable', async () => {
      const [offered] = await carrier.searchAvailable({ country: 'FR', areaCode: '4', limit: 1 });
      if (!offered) throw new Error('no number offered in FR 04');
      await carrier.buy({ e164: offered.e164, ...callbacks });
      await expectKind(carrier.buy({ e164: offered.e164, ...callbacks }), 'number_unavailable');
    });

    test('buying a number the carrier never offered fails number_unavailable', async () => {
      await expectKind(carrier.buy({ e164: '+14155550250', ...callbacks }), 'number_unavailable');
    });

    test('a released number cannot be released again', async () => {
      const [offered] = await carrier.searchAvailable({ country: 'GB', areaCode: '161', limit: 1 });
      if (!offered) throw new Error('no number offered in Manchester');
      const owned = await carrier.buy({ e164: offered.e164, ...callbacks });
      await carrier.release(owned.sid);
      await expectKind(carrier.release(owned.sid), 'not_found');
    });

    test('releasing a SID the account never had fails not_found', async () => {
      await expectKind(carrier.release(`PN${'0'.repeat(32)}`), 'not_found');
    });

    test('verify names the carrier it checked', async () => {
      expect((await carrier.verify()).kind).toBe(carrier.kind);
    });

    test('malformed input fails invalid', async () => {
      await expectKind(carrier.searchAvailable({ country: 'France' }), 'invalid');
      await expectKind(carrier.buy({ e164: '0612345678', ...callbacks }), 'invalid');
      await expectKind(carrier.release('not-a-sid'), 'invalid');
    });

    const unknown = skip.flatMap((entry) => entry.tests).filter((title) => !defined.has(title));
    if (unknown.length > 0) throw new Error(`Carrier suite skips unknown tests: ${unknown.join(', ')}`);
  });
}
