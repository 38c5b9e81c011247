import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type {
  EmulatorAccount,
  EmulatorFault,
  EmulatorIncomingNumber,
  EmulatorListing,
  EmulatorPlacedCall,
} from './state.ts';

/**
 * Twilio's JSON for the resources the emulator serves, snake_case as Twilio sends it; the keys are
 * checked against the spec on every response (spec.ts).
 */
const API = '/2010-04-01';

/** Twilio's dates are RFC 2822 with a numeric zone: "Thu, 30 Jul 2015 20:00:00 +0000". */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/** "(415) 555-0100" for North American numbers, E.164 elsewhere, as Twilio shows them. */
function friendlyNumber(e164: string): string {
  return e164.startsWith('+1') ? (parsePhoneNumberFromString(e164)?.formatNational() ?? e164) : e164;
}

export function errorJson(fault: EmulatorFault) {
  return {
    code: fault.code,
    message: fault.message,
    more_info: `https://www.twilio.com/docs/errors/${fault.code}`,
    status: fault.status,
  };
}

export function notFound(path: string): EmulatorFault {
  return { status: 404, code: 20404, message: `The requested resource ${path} was not found` };
}

// Twilio's JSON writes SMS and MMS in capitals on available numbers; its OpenAPI file says `sms`.
export function availableNumberJson(listing: EmulatorListing) {
  return {
    friendly_name: friendlyNumber(listing.phoneNumber),
    phone_number: listing.phoneNumber,
    lata: null,
    locality: listing.locality,
    rate_center: null,
    latitude: null,
    longitude: null,
    region: listing.region,
    postal_code: null,
    iso_country: listing.isoCountry,
    address_requirements: 'none',
    beta: false,
    capabilities: { voice: true, SMS: listing.sms, MMS: false },
  };
}

export function availableListJson(listings: EmulatorListing[], uri: string, pageSize: number) {
  return {
    available_phone_numbers: listings.map(availableNumberJson),
    uri,
    first_page_uri: uri,
    next_page_uri: null,
    previous_page_uri: null,
    page: 0,
    page_size: pageSize,
    start: 0,
    end: Math.max(listings.length - 1, 0),
  };
}

export function incomingNumberJson(number: EmulatorIncomingNumber, accountSid: string) {
  const date = rfc2822(number.dateCreated);
  return {
    account_sid: accountSid,
    address_sid: null,
    address_requirements: 'none',
    api_version: '2010-04-01',
    beta: false,
    capabilities: { voice: true, sms: number.listing.sms, mms: false, fax: false },
    date_created: date,
    date_updated: date,
    friendly_name: number.friendlyName ?? friendlyNumber(number.listing.phoneNumber),
    identity_sid: null,
    phone_number: number.listing.phoneNumber,
    origin: 'twilio',
    sid: number.sid,
    sms_application_sid: null,
    sms_fallback_method: 'POST',
    sms_fallback_url: '',
    sms_method: 'POST',
    sms_url: '',
    status_callback: number.statusCallback ?? '',
    status_callback_method: number.statusCallbackMethod,
    trunk_sid: null,
    uri: `${API}/Accounts/${accountSid}/IncomingPhoneNumbers/${number.sid}.json`,
    voice_receive_mode: 'voice',
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: 'POST',
    voice_fallback_url: null,
    voice_method: number.voiceMethod,
    voice_url: number.voiceUrl,
    emergency_status: 'Inactive',
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    bundle_sid: null,
    status: 'in-use',
    type: number.listing.type === 'toll_free' ? 'tollfree' : number.listing.type,
  };
}

export function accountJson(account: EmulatorAccount) {
  const base = `${API}/Accounts/${account.sid}`;
  const date = rfc2822(account.dateCreated);
  return {
    // Twilio returns the account's own token here; Parley must never log or keep this body.
    auth_token: account.authToken,
    date_created: date,
    date_updated: date,
    friendly_name: account.friendlyName,
    owner_account_sid: account.sid,
    sid: account.sid,
    status: account.status,
    subresource_uris: {
      available_phone_numbers: `${base}/AvailablePhoneNumbers.json`,
      incoming_phone_numbers: `${base}/IncomingPhoneNumbers.json`,
      calls: `${base}/Calls.json`,
      recordings: `${base}/Recordings.json`,
    },
    type: 'Full',
    uri: `${base}.json`,
  };
}

export function callJson(call: EmulatorPlacedCall, accountSid: string) {
  return {
    sid: call.sid,
    account_sid: accountSid,
    to: call.to,
    to_formatted: call.to,
    from: call.from,
    from_formatted: call.from,
    status: 'queued',
    direction: 'outbound-api',
    api_version: '2010-04-01',
    date_created: rfc2822(call.at),
    date_updated: rfc2822(call.at),
    parent_call_sid: null,
    start_time: null,
    end_time: null,
    duration: null,
    price: null,
    price_unit: 'USD',
    answered_by: null,
    uri: `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}.json`,
    subresource_uris: {
      recordings: `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}/Recordings.json`,
    },
  };
}
