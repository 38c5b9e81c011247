import { randomBytes } from 'node:crypto';
import type { NumberType } from '../../carrier.ts';
import { matchesNumberPattern } from '../../number-pattern.ts';
import { FICTIONAL_BLOCKS, numbersIn } from '../../simulator/fictional-ranges.ts';

/** What the emulated Twilio account holds; tests read and change it directly. */
export interface EmulatorListing {
  phoneNumber: string;
  isoCountry: string;
  type: NumberType;
  locality: string | null;
  region: string | null;
  sms: boolean;
}

export interface EmulatorIncomingNumber {
  sid: string;
  listing: EmulatorListing;
  /** null: Twilio shows the formatted number */
  friendlyName: string | null;
  voiceUrl: string | null;
  voiceMethod: string;
  statusCallback: string | null;
  statusCallbackMethod: string;
  dateCreated: Date;
}

export interface EmulatorAccount {
  sid: string;
  authToken: string;
  friendlyName: string;
  status: 'active' | 'suspended' | 'closed';
  dateCreated: Date;
}

/** An error Twilio will answer the next request with, in its own body shape. */
export interface EmulatorFault {
  status: number;
  code: number;
  message: string;
}

export interface EmulatorState {
  account: EmulatorAccount;
  inventory: EmulatorListing[];
  /** by SID */
  owned: Map<string, EmulatorIncomingNumber>;
  /** Calls placed through POST Calls.json, in order. */
  calls: EmulatorPlacedCall[];
  faults: EmulatorFault[];
}

export interface EmulatorPlacedCall {
  sid: string;
  to: string;
  from: string;
  /** The form as posted: Url, StatusCallback, StatusCallbackEvent… */
  form: Record<string, string>;
  at: Date;
  /** Every form a live-call update (POST Calls/{Sid}.json) posted to this call, in order. */
  updates?: Record<string, string>[];
}

export interface InventorySearch {
  country: string;
  type: NumberType;
  areaCode: string | null;
  contains: string | null;
  pageSize: number;
}

export type BuyOutcome = { bought: EmulatorIncomingNumber } | { error: EmulatorFault };

/** The simulator's fictional numbers, 100 per block, so tests never meet a real person's number. */
export function defaultInventory(): EmulatorListing[] {
  return FICTIONAL_BLOCKS.flatMap((block) =>
    [...numbersIn(block)].slice(0, 100).map((phoneNumber) => ({
      phoneNumber,
      isoCountry: block.country,
      type: block.type,
      locality: block.locality,
      region: block.region,
      sms: block.country === 'US',
    })),
  );
}

/** null when Twilio sells no such numbers in that country at all, which Twilio answers with a 404. */
export function searchInventory(state: EmulatorState, search: InventorySearch): EmulatorListing[] | null {
  const ofKind = state.inventory.filter((l) => l.isoCountry === search.country && l.type === search.type);
  if (ofKind.length === 0) return null;
  const ownedNumbers = new Set([...state.owned.values()].map((owned) => owned.listing.phoneNumber));
  // AreaCode applies to US and Canadian numbers only, as Twilio documents it. Every listing takes
  // calls, so VoiceEnabled filters nothing.
  const byAreaCode =
    search.areaCode && (search.country === 'US' || search.country === 'CA') ? search.areaCode : null;
  return ofKind
    .filter((listing) => !ownedNumbers.has(listing.phoneNumber))
    .filter((listing) => !byAreaCode || listing.phoneNumber.slice(2, 5) === byAreaCode)
    .filter((listing) => !search.contains || matchesNumberPattern(listing.phoneNumber, search.contains))
    .slice(0, search.pageSize);
}

export function buyNumber(state: EmulatorState, form: URLSearchParams, now: Date): BuyOutcome {
  const phoneNumber = form.get('PhoneNumber') ?? '';
  if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber)) {
    return { error: { status: 400, code: 21421, message: 'PhoneNumber is invalid' } };
  }
  const owned = [...state.owned.values()].some((number) => number.listing.phoneNumber === phoneNumber);
  const listing = state.inventory.find((candidate) => candidate.phoneNumber === phoneNumber);
  if (!listing || owned) {
    return { error: { status: 400, code: 21422, message: 'PhoneNumber is not available' } };
  }
  const bought: EmulatorIncomingNumber = {
    sid: `PN${randomBytes(16).toString('hex')}`,
    listing,
    friendlyName: form.get('FriendlyName'),
    voiceUrl: form.get('VoiceUrl'),
    voiceMethod: form.get('VoiceMethod') ?? 'POST',
    statusCallback: form.get('StatusCallback'),
    statusCallbackMethod: form.get('StatusCallbackMethod') ?? 'POST',
    dateCreated: now,
  };
  state.owned.set(bought.sid, bought);
  return { bought };
}
