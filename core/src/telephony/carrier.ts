/**
 * The carrier port: everything Parley asks of a phone carrier. Twilio implements it in production,
 * the simulator on a laptop and in end-to-end tests; both pass `carrier.suite.ts`. Calls join this
 * interface in a later issue, as more methods beside the number ones.
 */

export type CarrierKind = 'twilio' | 'simulator';

export type NumberType = 'local' | 'mobile' | 'toll_free';

export interface AvailableNumber {
  e164: string;
  country: string;
  locality: string | null;
  region: string | null;
  type: NumberType;
  capabilities: { voice: boolean; sms: boolean };
}

export interface NumberSearch {
  /** ISO 3166 alpha-2, e.g. FR */
  country: string;
  /** default local */
  type?: NumberType;
  /** national area code without trunk prefix: 415 (US), 1 (Paris), 20 (London) */
  areaCode?: string;
  /** Twilio's pattern language: digits, letters (keypad), `*` one digit, `%` any run, `+` start, `$` end */
  contains?: string;
  /** default 20, max 50 */
  limit?: number;
}

export interface BuyRequest {
  e164: string;
  voiceUrl: string;
  statusCallbackUrl: string;
  friendlyName?: string;
}

export interface OwnedNumber {
  sid: string;
  e164: string;
}

export interface CarrierIdentity {
  kind: CarrierKind;
  accountSid: string | null;
  friendlyName: string | null;
}

export interface PlaceCallRequest {
  /** The account's number, shown to the callee. */
  from: string;
  to: string;
  /** Fetched when the callee answers; its TwiML drives the call. */
  url: string;
  statusCallbackUrl: string;
  timeoutSeconds?: number;
}

export interface Carrier {
  readonly kind: CarrierKind;
  searchAvailable(search: NumberSearch): Promise<AvailableNumber[]>;
  buy(request: BuyRequest): Promise<OwnedNumber>;
  release(sid: string): Promise<void>;
  /**
   * Places a call through the carrier's REST API (call-me-first). Absent on the simulator, whose
   * calls Parley plays itself against its own webhooks.
   */
  placeCall?(request: PlaceCallRequest): Promise<{ sid: string }>;
  /** Makes a live call play new TwiML (a transfer). Absent on the simulator, which has no live calls to change. */
  redirectCall?(sid: string, twiml: string): Promise<void>;
  /** Checks the credentials; `parley doctor` reports what it says. */
  verify(): Promise<CarrierIdentity>;
}
