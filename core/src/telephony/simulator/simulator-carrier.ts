import { randomBytes } from 'node:crypto';
import type { AvailableNumber, Carrier, NumberType } from '../carrier.ts';
import { CarrierError } from '../errors.ts';
import { matchesNumberPattern } from '../number-pattern.ts';
import { parseBuyRequest, parseNumberSearch, parseNumberSid } from '../number-search.ts';
import {
  blockOf,
  FICTIONAL_COUNTRIES,
  type FictionalBlock,
  findBlocks,
  isUsAreaCode,
  numbersIn,
  typesOffered,
} from './fictional-ranges.ts';

const TYPE_LABELS: Record<NumberType, string> = { local: 'local', mobile: 'mobile', toll_free: 'toll-free' };

/**
 * A carrier without a network, for running Parley with no Twilio account and for end-to-end tests.
 * It offers only numbers reserved for fiction (see fictional-ranges.ts), in a fixed order, and
 * remembers purchases for the life of the process; the database remembers them across restarts.
 */
export function createSimulatorCarrier(): Carrier {
  const owned = new Map<string, string>();
  const taken = new Set<string>();

  return {
    kind: 'simulator',

    async searchAvailable(input) {
      const search = parseNumberSearch(input);
      const found: AvailableNumber[] = [];
      for (const block of blocksFor(search.country, search.type, search.areaCode)) {
        for (const e164 of numbersIn(block)) {
          if (taken.has(e164) || (search.contains && !matchesNumberPattern(e164, search.contains))) continue;
          found.push(toAvailableNumber(block, e164));
          if (found.length === search.limit) return found;
        }
      }
      return found;
    },

    async buy(input) {
      const request = parseBuyRequest(input);
      if (!blockOf(request.e164)) {
        throw new CarrierError(
          'number_unavailable',
          `The simulator carrier only sells numbers reserved for fiction, and ${request.e164} is not one; search and pick a listed number.`,
        );
      }
      if (taken.has(request.e164)) {
        throw new CarrierError(
          'number_unavailable',
          `${request.e164} was already bought; search again and pick another number.`,
        );
      }
      const sid = `PNsim${randomBytes(15).toString('hex').slice(0, 29)}`;
      owned.set(sid, request.e164);
      taken.add(request.e164);
      return { sid, e164: request.e164 };
    },

    async release(input) {
      const sid = parseNumberSid(input);
      const e164 = owned.get(sid);
      if (!e164) {
        throw new CarrierError(
          'not_found',
          `The simulator carrier has no number ${sid}; it may be released already.`,
        );
      }
      owned.delete(sid);
      taken.delete(e164);
    },

    async verify() {
      return { kind: 'simulator', accountSid: null, friendlyName: 'Parley simulator' };
    },
  };
}

function blocksFor(country: string, type: NumberType, areaCode: string | null): FictionalBlock[] {
  if (!(FICTIONAL_COUNTRIES as readonly string[]).includes(country)) {
    throw new CarrierError(
      'invalid',
      'The simulator carrier has numbers for FR, GB, US only; set Twilio credentials to search other countries',
    );
  }
  const offered = typesOffered(country);
  if (!offered.includes(type)) {
    throw new CarrierError(
      'not_found',
      `The simulator carrier has no ${TYPE_LABELS[type]} numbers for ${country}: no range reserved for fiction there is a valid number. Search ${offered.map((t) => TYPE_LABELS[t]).join(' or ')} numbers, or set Twilio credentials.`,
    );
  }
  if (country === 'US' && areaCode && !isUsAreaCode(areaCode)) {
    throw new CarrierError('invalid', `${areaCode} is not a US area code; give three digits such as 415.`);
  }
  return findBlocks(country, type, areaCode);
}

function toAvailableNumber(block: FictionalBlock, e164: string): AvailableNumber {
  return {
    e164,
    country: block.country,
    locality: block.locality,
    region: block.region,
    type: block.type,
    // Fixed lines in FR and GB take no texts; US local numbers do.
    capabilities: { voice: true, sms: block.country === 'US' },
  };
}
