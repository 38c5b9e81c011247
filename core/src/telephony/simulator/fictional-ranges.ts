import { toE164 } from '../../phone/e164.ts';
import type { NumberType } from '../carrier.ts';

/**
 * Number ranges regulators keep for films and books, so the simulator never hands out a number that
 * rings a real person. Each block is also one libphonenumber accepts, because Parley stores only
 * numbers `toE164` accepts.
 * - FR: ARCEP, national numbering plan (decision 2018-0881, annex 1, art. 2.5.12) reserves
 *   01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49 and 06 39 98 for audiovisual works. The mobile
 *   root 06 39 98 is missing: libphonenumber rejects it, so FR has no simulated mobile numbers.
 * - GB: Ofcom's "telephone numbers for drama" list. 07700 900xxx (mobile) is missing for the same
 *   reason as 06 39 98.
 * - US: 555-0100 to 555-0199 is fictional in every area code (NANPA); 8xx toll-free 555 numbers are
 *   real, so US has no simulated toll-free numbers.
 */
export const FICTIONAL_COUNTRIES = ['FR', 'GB', 'US'] as const;

export interface FictionalBlock {
  country: (typeof FICTIONAL_COUNTRIES)[number];
  type: NumberType;
  /** national area code without trunk prefix, as `NumberSearch.areaCode` takes it */
  areaCode: string;
  /** every number is `prefix` + a `digits`-wide suffix from `first` to `last` */
  prefix: string;
  first: number;
  last: number;
  digits: number;
  locality: string | null;
  region: string | null;
}

const fr = (areaCode: string, root: string, region: string): FictionalBlock => ({
  country: 'FR',
  type: 'local',
  areaCode,
  prefix: `+33${root}`,
  first: 0,
  last: 9999,
  digits: 4,
  locality: areaCode === '1' ? 'Paris' : null,
  region,
});

const gb = (areaCode: string, prefix: string, locality: string, region: string): FictionalBlock => ({
  country: 'GB',
  type: 'local',
  areaCode,
  prefix: `+44${prefix}`,
  first: 0,
  last: 999,
  digits: 3,
  locality,
  region,
});

const us = (areaCode: string, locality: string | null, region: string | null): FictionalBlock => ({
  country: 'US',
  type: 'local',
  areaCode,
  prefix: `+1${areaCode}555`,
  first: 100,
  last: 199,
  digits: 4,
  locality,
  region,
});

/** Listed first to last in the order searches without an area code walk them. */
export const FICTIONAL_BLOCKS: readonly FictionalBlock[] = [
  fr('1', '19900', 'Île-de-France'),
  fr('2', '26191', 'Nord-Ouest'),
  fr('3', '35301', 'Nord-Est'),
  fr('4', '46571', 'Sud-Est'),
  fr('5', '53649', 'Sud-Ouest'),
  gb('20', '2079460', 'London', 'England'),
  gb('121', '1214960', 'Birmingham', 'England'),
  gb('161', '1614960', 'Manchester', 'England'),
  gb('113', '1134960', 'Leeds', 'England'),
  gb('117', '1174960', 'Bristol', 'England'),
  gb('131', '1314960', 'Edinburgh', 'Scotland'),
  gb('141', '1414960', 'Glasgow', 'Scotland'),
  gb('29', '2920180', 'Cardiff', 'Wales'),
  { ...gb('808', '8081570', 'Freephone', 'United Kingdom'), type: 'toll_free', locality: null },
  us('415', 'San Francisco', 'CA'),
  us('212', 'New York', 'NY'),
  us('312', 'Chicago', 'IL'),
  us('617', 'Boston', 'MA'),
  us('202', 'Washington', 'DC'),
];

export function typesOffered(country: string): NumberType[] {
  return [...new Set(FICTIONAL_BLOCKS.filter((block) => block.country === country).map((b) => b.type))];
}

/** Blocks for a search; a US area code outside the list gets its own 555-01xx block when it exists. */
export function findBlocks(country: string, type: NumberType, areaCode: string | null): FictionalBlock[] {
  const blocks = FICTIONAL_BLOCKS.filter(
    (block) => block.country === country && block.type === type && (!areaCode || block.areaCode === areaCode),
  );
  if (blocks.length > 0 || country !== 'US' || type !== 'local' || !areaCode) return blocks;
  return isUsAreaCode(areaCode) ? [us(areaCode, null, null)] : [];
}

export function isUsAreaCode(areaCode: string): boolean {
  return /^[2-9]\d\d$/.test(areaCode) && toE164(`+1${areaCode}5550100`) !== null;
}

export function* numbersIn(block: FictionalBlock): Generator<string> {
  for (let suffix = block.first; suffix <= block.last; suffix++) {
    yield `${block.prefix}${String(suffix).padStart(block.digits, '0')}`;
  }
}

export function blockOf(e164: string): FictionalBlock | null {
  const listed = FICTIONAL_BLOCKS.find((block) => contains(block, e164));
  if (listed) return listed;
  const usMatch = /^\+1([2-9]\d\d)55501\d\d$/.exec(e164);
  return usMatch?.[1] && isUsAreaCode(usMatch[1]) ? us(usMatch[1], null, null) : null;
}

function contains(block: FictionalBlock, e164: string): boolean {
  const suffix = e164.slice(block.prefix.length);
  if (!e164.startsWith(block.prefix) || suffix.length !== block.digits || !/^\d+$/.test(suffix)) return false;
  const value = Number(suffix);
  return value >= block.first && value <= block.last;
}
