/**
 * Twilio's `Contains` pattern language, so the simulator and the Twilio emulator filter numbers the
 * way Twilio does (twilio.com/docs/phone-numbers/api/availablephonenumberlocal-resource):
 * digits and letters (read as keypad digits), `*` one digit, `%` any run of digits, a leading `+`
 * anchors at the start of the E.164 number, a trailing `$` at its end.
 */
export const NUMBER_PATTERN = /^\+?[0-9A-Za-z*%]{2,16}\$?$/;

const KEYPAD = ['', '', 'abc', 'def', 'ghi', 'jkl', 'mno', 'pqrs', 'tuv', 'wxyz'];

export function matchesNumberPattern(e164: string, pattern: string): boolean {
  if (!NUMBER_PATTERN.test(pattern)) return false;
  const anchoredStart = pattern.startsWith('+');
  const anchoredEnd = pattern.endsWith('$');
  const body = pattern.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined);
  const source = [...body.toLowerCase()].map(toRegexPart).join('');
  return new RegExp(`${anchoredStart ? '^\\+' : ''}${source}${anchoredEnd ? '$' : ''}`).test(e164);
}

function toRegexPart(char: string): string {
  if (char === '*') return '\\d';
  if (char === '%') return '\\d*';
  const key = KEYPAD.findIndex((letters) => letters.includes(char));
  return key === -1 ? char : String(key);
}
