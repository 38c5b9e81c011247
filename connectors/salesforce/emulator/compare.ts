import type { Condition, Literal } from './query-parser.ts';

/** SOQL LIKE: `%` any run, `_` one character, case-insensitive; `\%` and `\_` are literal. */
export function likeMatches(value: string, pattern: string): boolean {
  let regex = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '\\' && i + 1 < pattern.length) {
      regex += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (char === '%') regex += '.*';
    else if (char === '_') regex += '.';
    else regex += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${regex}$`, 'is').test(value);
}

/** Every field a WHERE clause names, to check them against the model. */
export function conditionFields(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if (condition.kind === 'compare') return [condition.field];
  if (condition.kind === 'not') return conditionFields(condition.inner);
  return [...conditionFields(condition.left), ...conditionFields(condition.right)];
}

function comparable(value: unknown): number | string | boolean | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

/** SOQL's ordering: nulls first, then by value. */
export function order3(a: unknown, b: unknown): number {
  const left = comparable(a);
  const right = comparable(b);
  if (left === right) return 0;
  if (left === null) return -1;
  if (right === null) return 1;
  return left < right ? -1 : 1;
}

/** One WHERE comparison, as SOQL evaluates it. */
export function compare(actual: unknown, op: string, expected: Literal): boolean {
  if (op === 'LIKE')
    return typeof actual === 'string' && typeof expected === 'string' && likeMatches(actual, expected);
  const left = comparable(actual);
  const right = comparable(expected);
  // SOQL compares text case-insensitively for equality.
  const same =
    typeof left === 'string' && typeof right === 'string'
      ? left.toLowerCase() === right.toLowerCase()
      : left === right;
  if (op === '=') return same;
  if (op === '!=') return !same;
  if (left === null || right === null) return false;
  const diff = order3(left, right);
  if (op === '<') return diff < 0;
  if (op === '>') return diff > 0;
  if (op === '<=') return diff <= 0;
  return diff >= 0;
}
