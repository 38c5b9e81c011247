const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 3-character suffix that makes a 15-character id case-insensitive: one character per block of
 * five, whose bits say which of the five are upper-case letters.
 */
export function idSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15[block * 5 + i] ?? '';
      if (char >= 'A' && char <= 'Z') flags |= 1 << i;
    }
    suffix += SUFFIX[flags];
  }
  return suffix;
}

/** An 18-character id with the object's key prefix; base-62 so ids sort in creation order as text. */
export function makeId(prefix: string, sequence: number): string {
  let digits = '';
  let rest = sequence;
  do {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${prefix}5g${digits.padStart(10, '0')}`;
  return id15 + idSuffix(id15);
}
