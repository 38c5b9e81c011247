import twilio from 'twilio';
import { z } from 'zod';
import { toE164 } from '../../phone/e164.ts';
import type { AvailableNumber, Carrier, NumberType } from '../carrier.ts';
import { CarrierError } from '../errors.ts';
import {
  type ParsedNumberSearch,
  parseBuyRequest,
  parseNumberSearch,
  parseNumberSid,
} from '../number-search.ts';
import { BaseUrlRequestClient } from './base-url-request-client.ts';
import { parseTwilioError } from './parse-twilio-error.ts';
import { redirectCall } from './redirect-call.ts';
import { toTwilioSearchParams } from './search-params.ts';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

export interface TwilioCarrierOptions {
  /** Tests only: sends the real client's requests to an emulator instead of https://api.twilio.com. */
  apiBaseUrl?: string;
}

const credentialsSchema = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  authToken: z.string().regex(/^\S+$/),
});

// The fields read from an AvailablePhoneNumber instance. Twilio's JSON spells SMS in capitals on
// available numbers, where its OpenAPI file and the client's types say `sms`; accept both.
const availableNumberSchema = z.object({
  phoneNumber: z.string(),
  isoCountry: z.string().nullish(),
  locality: z.string().nullish(),
  region: z.string().nullish(),
  capabilities: z
    .object({ voice: z.boolean().optional(), sms: z.boolean().optional(), SMS: z.boolean().optional() })
    .nullish(),
});

const TYPE_LABELS: Record<NumberType, string> = { local: 'local', mobile: 'mobile', toll_free: 'toll-free' };

export function createTwilioCarrier(creds: TwilioCredentials, options: TwilioCarrierOptions = {}): Carrier {
  const parsed = credentialsSchema.safeParse(creds);
  if (!parsed.success) {
    throw new CarrierError(
      'auth',
      'Twilio credentials are malformed: the Account SID is AC followed by 32 hex characters and the Auth Token has no spaces. Copy both from the Twilio Console (Account Info).',
    );
  }
  const { accountSid, authToken } = parsed.data;
  const httpClient = options.apiBaseUrl
    ? new BaseUrlRequestClient(options.apiBaseUrl)
    : new twilio.RequestClient();
  const client = twilio(accountSid, authToken, { httpClient });

  function listAvailable(search: ParsedNumberSearch): Promise<unknown[]> {
    // https://www.twilio.com/docs/phone-numbers/api/availablephonenumberlocal-resource (and Mobile, TollFree)
    const country = client.availablePhoneNumbers(search.country);
    const params = toTwilioSearchParams(search);
    if (search.type === 'mobile') return country.mobile.list(params);
    if (search.type === 'toll_free') return country.tollFree.list(params);
    return country.local.list(params);
  }

  return {
    kind: 'twilio',

    async placeCall(request) {
      try {
        // https://www.twilio.com/docs/voice/api/call-resource#create-a-call-resource
        const call = await client.calls.create({
          to: request.to,
          from: request.from,
          url: request.url,
          method: 'POST',
          statusCallback: request.statusCallbackUrl,
          statusCallbackMethod: 'POST',
          statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
          timeout: request.timeoutSeconds ?? 30,
        });
        return { sid: call.sid };
      } catch (error) {
        throw parseTwilioError(error);
      }
    },

    redirectCall: (sid, twiml) => redirectCall(client, sid, twiml),

    async searchAvailable(input) {
      const search = parseNumberSearch(input);
      let instances: unknown[];
      try {
        instances = await listAvailable(search);
      } catch (error) {
        const carrierError = parseTwilioError(error);
        if (carrierError.kind !== 'not_found') throw carrierError;
        throw new CarrierError(
          'not_found',
          `Twilio sells no ${TYPE_LABELS[search.type]} numbers in ${search.country}; try another number type.`,
          carrierError.detail,
          { cause: carrierError },
        );
      }
      return instances.flatMap((instance) => toAvailableNumber(instance, search));
    },

    async buy(input) {
      const request = parseBuyRequest(input);
      try {
        // https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource#create-an-incomingphonenumber-resource
        const bought = await client.incomingPhoneNumbers.create({
          phoneNumber: request.e164,
          voiceUrl: request.voiceUrl,
          voiceMethod: 'POST',
          statusCallback: request.statusCallbackUrl,
          statusCallbackMethod: 'POST',
          friendlyName: request.friendlyName,
        });
        return { sid: bought.sid, e164: bought.phoneNumber };
      } catch (error) {
        throw parseTwilioError(error);
      }
    },

    async release(input) {
      const sid = parseNumberSid(input);
      try {
        // https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource#delete-an-incomingphonenumber-resource
        await client.incomingPhoneNumbers(sid).remove();
      } catch (error) {
        const carrierError = parseTwilioError(error);
        if (carrierError.kind !== 'not_found') throw carrierError;
        throw new CarrierError(
          'not_found',
          `Twilio account ${accountSid} has no number ${sid}; it may be released already.`,
          carrierError.detail,
          { cause: carrierError },
        );
      }
    },

    async verify() {
      let account: { sid: string; friendlyName: string; status: string };
      try {
        // https://www.twilio.com/docs/iam/api/account#fetch-an-account-resource
        account = await client.api.v2010.accounts(accountSid).fetch();
      } catch (error) {
        throw parseTwilioError(error);
      }
      if (account.status !== 'active') {
        throw new CarrierError(
          'auth',
          `Twilio account ${account.sid} is ${account.status}; reactivate it in the Twilio Console or use another account.`,
        );
      }
      return { kind: 'twilio', accountSid: account.sid, friendlyName: account.friendlyName || null };
    },
  };
}

/** Numbers libphonenumber rejects are dropped: Parley could not store them. */
function toAvailableNumber(instance: unknown, search: ParsedNumberSearch): AvailableNumber[] {
  const parsed = availableNumberSchema.safeParse(instance);
  if (!parsed.success || toE164(parsed.data.phoneNumber) !== parsed.data.phoneNumber) return [];
  const { phoneNumber, isoCountry, locality, region, capabilities } = parsed.data;
  return [
    {
      e164: phoneNumber,
      country: isoCountry ?? search.country,
      locality: locality || null,
      region: region || null,
      type: search.type,
      capabilities: {
        voice: capabilities?.voice ?? false,
        sms: capabilities?.sms ?? capabilities?.SMS ?? false,
      },
    },
  ];
}
