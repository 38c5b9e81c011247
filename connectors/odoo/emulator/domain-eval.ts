import { faults } from './odoo-faults.ts';
import type { FieldDef, ModelDef } from './schema.ts';

/** A value as the emulator stores it: datetimes in microseconds (as PostgreSQL does), many2one as an id. */
export type Stored = string | number | boolean;
export type Row = { id: number } & Record<string, Stored>;

export type Predicate = (row: Row) => boolean;

const OPERATORS = new Set(['=', '!=', 'in', 'not in', 'ilike', 'not ilike', '=ilike', '>', '>=', '<', '<=']);
/** `PHONE_REGEX_PATTERN` of addons/phone_validation/models/mail_thread_phone.py. */
const PHONE_SEPARATORS = /[\s\\./()-]/g;

/** Python's repr of a leaf, as Odoo's messages show it. */
export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null || value === undefined) return 'None';
  if (Array.isArray(value)) {
    const inner = value.map(pyRepr).join(', ');
    return value.length === 3 && typeof value[1] === 'string' && OPERATORS.has(value[1])
      ? `(${inner})`
      : `[${inner}]`;
  }
  return String(value);
}

/** SQL LIKE: `%` any run, `_` one character, backslash escapes; case-insensitive for ILIKE. */
export function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '\\' && i + 1 < pattern.length)
      source += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

/** 'YYYY-MM-DD HH:MM:SS' (or a date) in microseconds; anything else is Odoo's ValueError. */
export function datetimeToMicros(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(value)) {
    throw faults.wrongDatetime(value);
  }
  const at = Date.parse(`${value.length === 10 ? `${value} 00:00:00` : value}Z`.replace(' ', 'T'));
  if (Number.isNaN(at)) throw faults.wrongDatetime(value);
  return at * 1000;
}

export function microsToDatetime(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString().slice(0, 19).replace('T', ' ');
}

function comparable(field: FieldDef, value: unknown): Stored {
  if (field.type === 'datetime' && value !== false) return datetimeToMicros(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw faults.badArguments(`unsupported value in a domain: ${pyRepr(value)}`);
}

function isEmpty(value: Stored | undefined): boolean {
  return value === undefined || value === false || value === '';
}

function phoneMobileSearch(operator: string, value: unknown): Predicate {
  if (typeof value !== 'string' || (operator !== '=' && operator !== 'ilike')) {
    throw faults.badArguments(
      `phone_mobile_search supports '=' and 'ilike' with a string here, got ${pyRepr(value)}`,
    );
  }
  const wanted = value.replace(PHONE_SEPARATORS, '');
  if (wanted.length < 3) throw faults.phoneSearchTooShort();
  const international = /^(\+|00)/.test(wanted);
  const digits = wanted.replace(/^(\+|00)/, '');
  const test = (stored: string): boolean => {
    if (international) {
      const forms = [`+${digits}`, `00${digits}`];
      return operator === '=' ? forms.includes(stored) : forms.some((form) => stored.startsWith(form));
    }
    return operator === '=' ? stored === wanted : stored.includes(wanted);
  };
  return (row) =>
    [row.phone, row.mobile].some(
      (stored) => typeof stored === 'string' && test(stored.replace(PHONE_SEPARATORS, '')),
    );
}

function leafPredicate(
  model: ModelDef,
  leaf: unknown[],
  display: (field: FieldDef, id: number) => string,
): Predicate {
  const [name, operator, value] = leaf;
  const repr = pyRepr(leaf);
  if (typeof name !== 'string' || typeof operator !== 'string' || !OPERATORS.has(operator))
    throw faults.invalidLeaf(repr);
  const field = model.fields[name];
  if (!field) throw faults.invalidLeafField(model.name, name, repr);
  if (name === 'phone_mobile_search') return phoneMobileSearch(operator, value);
  const read = (row: Row): Stored | undefined => row[name];
  switch (operator) {
    case '=':
    case '!=': {
      const wanted = value === false ? false : comparable(field, value);
      const equal = (row: Row) => (wanted === false ? isEmpty(read(row)) : read(row) === wanted);
      return operator === '=' ? equal : (row) => !equal(row);
    }
    case 'in':
    case 'not in': {
      if (!Array.isArray(value)) throw faults.invalidLeaf(repr);
      const set = new Set(value.map((item) => (item === false ? false : comparable(field, item))));
      const has = (row: Row) => {
        const stored = read(row);
        return isEmpty(stored) ? set.has(false) : stored !== undefined && set.has(stored);
      };
      return operator === 'in' ? has : (row) => !has(row);
    }
    case 'ilike':
    case 'not ilike':
    case '=ilike': {
      if (typeof value !== 'string') throw faults.invalidLeaf(repr);
      const pattern = likeToRegExp(operator === '=ilike' ? value : `%${value}%`);
      const text = (row: Row): string | null => {
        const stored = read(row);
        if (isEmpty(stored) || stored === undefined) return null;
        return field.type === 'many2one' ? display(field, Number(stored)) : String(stored);
      };
      const like = (row: Row) => {
        const stored = text(row);
        return stored !== null && pattern.test(stored);
      };
      return operator === 'not ilike' ? (row) => !like(row) : like;
    }
    default: {
      const bound = comparable(field, value);
      return (row) => {
        const stored = read(row);
        if (isEmpty(stored) || stored === undefined || typeof stored !== typeof bound) return false;
        if (operator === '>') return stored > bound;
        if (operator === '>=') return stored >= bound;
        if (operator === '<') return stored < bound;
        return stored <= bound;
      };
    }
  }
}

/**
 * Compiles an Odoo domain (prefix notation, implicit AND at top level) into a predicate, checking
 * every field and operator first, so a bad domain faults even when no record would reach it.
 */
export function compileDomain(
  model: ModelDef,
  domain: unknown,
  display: (field: FieldDef, id: number) => string,
): Predicate {
  if (!Array.isArray(domain)) throw faults.badArguments(`a domain is a list, got ${pyRepr(domain)}`);
  let at = 0;
  const term = (): Predicate => {
    const item: unknown = domain[at++];
    if (item === '|' || item === '&') {
      const left = term();
      const right = term();
      return item === '|' ? (row) => left(row) || right(row) : (row) => left(row) && right(row);
    }
    if (item === '!') {
      const inner = term();
      return (row) => !inner(row);
    }
    if (Array.isArray(item) && item.length === 3) return leafPredicate(model, item, display);
    throw faults.invalidLeaf(pyRepr(item));
  };
  const terms: Predicate[] = [];
  while (at < domain.length) terms.push(term());
  return (row) => terms.every((predicate) => predicate(row));
}

/** Whether the domain names `active`, which turns Odoo's implicit `active = True` off. */
export function mentionsField(domain: unknown, field: string): boolean {
  return Array.isArray(domain) && domain.some((item) => Array.isArray(item) && item[0] === field);
}
