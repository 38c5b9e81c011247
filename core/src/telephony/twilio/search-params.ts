import { getCountryCallingCode } from 'libphonenumber-js/max';
import { isCountryCode } from '../../phone/e164.ts';
import { CarrierError } from '../errors.ts';
import type { ParsedNumberSearch } from '../number-search.ts';

export interface TwilioSearchParams {
  areaCode?: number;
  contains?: string;
  voiceEnabled: true;
  limit: number;
}

/**
 * Twilio's AreaCode filter works in the US and Canada only (AvailablePhoneNumber Local resource,
 * "AreaCode"); elsewhere an area code becomes a Contains pattern anchored on the country code, so
 * "Paris" (FR, 1) asks for numbers starting +331 as the simulator's search does.
 */
export function toTwilioSearchParams(search: ParsedNumberSearch): TwilioSearchParams {
  const params: TwilioSearchParams = { voiceEnabled: true, limit: search.limit };
  if (search.contains) params.contains = search.contains;
  if (!search.areaCode) return params;
  if (search.country === 'US' || search.country === 'CA') {
    params.areaCode = Number(search.areaCode);
    return params;
  }
  if (search.contains) {
    throw new CarrierError(
      'invalid',
      `Twilio filters by area code only in the US and Canada; for ${search.country} give either an area code or a pattern, not both.`,
    );
  }
  if (isCountryCode(search.country)) {
    params.contains = `+${getCountryCallingCode(search.country)}${search.areaCode}`;
  }
  return params;
}
