import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { toE164 } from '../../phone/e164.ts';
import {
  blockOf,
  FICTIONAL_BLOCKS,
  type FictionalBlock,
  findBlocks,
  isUsAreaCode,
  numbersIn,
} from './fictional-ranges.ts';

const LIBPHONENUMBER_TYPES: Record<FictionalBlock['type'], string[]> = {
  local: ['FIXED_LINE', 'FIXED_LINE_OR_MOBILE'],
  mobile: ['MOBILE', 'FIXED_LINE_OR_MOBILE'],
  toll_free: ['TOLL_FREE'],
};

function invalidNumbers(block: FictionalBlock): string[] {
  return [...numbersIn(block)].filter((e164) => toE164(e164) !== e164);
}

describe('fictional ranges', () => {
  it.each(
    FICTIONAL_BLOCKS.map((block) => [`${block.country} ${block.type} ${block.areaCode}`, block] as const),
  )('every number of %s is stored unchanged by toE164', (_name, block) => {
    expect(invalidNumbers(block)).toEqual([]);
  });

  it('every number of every US area code the simulator accepts is stored unchanged by toE164', () => {
    const areaCodes = Array.from({ length: 800 }, (_, i) => String(200 + i)).filter(isUsAreaCode);
    expect(areaCodes.length).toBeGreaterThan(300);
    const invalid = areaCodes.flatMap((areaCode) =>
      findBlocks('US', 'local', areaCode).flatMap(invalidNumbers),
    );
    expect(invalid).toEqual([]);
  });

  it.each(FICTIONAL_BLOCKS.map((block) => [block.prefix, block] as const))(
    'numbers of %s are of the type the block claims',
    (_prefix, block) => {
      const first = numbersIn(block).next().value ?? '';
      expect(LIBPHONENUMBER_TYPES[block.type]).toContain(parsePhoneNumberFromString(first)?.getType());
      expect(parsePhoneNumberFromString(first)?.country).toBe(block.country);
    },
  );

  it('leaves out the fictional mobile roots because libphonenumber rejects them', () => {
    expect(toE164('+33639980000')).toBeNull();
    expect(toE164('+447700900000')).toBeNull();
  });

  it('knows which block a number belongs to, and that its neighbours are real numbers', () => {
    expect(blockOf('+33199001234')?.areaCode).toBe('1');
    expect(blockOf('+442079460999')?.areaCode).toBe('20');
    expect(blockOf('+19075550142')).toMatchObject({ country: 'US', areaCode: '907' });
    expect(blockOf('+33199011234')).toBeNull();
    expect(blockOf('+442079461000')).toBeNull();
    expect(blockOf('+14155550200')).toBeNull();
    expect(blockOf('+14155550099')).toBeNull();
  });

  it('finds blocks by country, type and area code, and none for an area code that does not exist', () => {
    expect(findBlocks('FR', 'local', '4').map((b) => b.prefix)).toEqual(['+3346571']);
    expect(findBlocks('GB', 'toll_free', null).map((b) => b.prefix)).toEqual(['+448081570']);
    expect(findBlocks('US', 'local', '907').map((b) => b.prefix)).toEqual(['+1907555']);
    expect(findBlocks('US', 'local', '123')).toEqual([]);
    expect(findBlocks('FR', 'mobile', null)).toEqual([]);
  });
});
