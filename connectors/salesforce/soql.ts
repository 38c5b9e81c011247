/**
 * The one place user data enters SOQL or SOSL text: every value goes through these helpers, never
 * string concatenation (aesthetics.md §9, "Queries").
 */

/** SOSL reserved characters (soql_sosl guide, "FIND"): `& | ! ( ) { } [ ] ^ " ~ * ? : \ ' + -`. */
const SOSL_RESERVED = /[&|!(){}[\]^"~*?:\\'+-]/g;

/** A search term for inside `FIND {…}`: `+33 6` becomes `\+33 6`, so E.164 numbers are searched as typed. */
export function soslTerm(text: string): string {
  return text.replace(SOSL_RESERVED, (char) => `\\${char}`);
}

/** Terms joined with OR, each escaped: the FIND clause's braces hold the whole expression. */
export function soslAny(terms: readonly string[]): string {
  return `{${[...new Set(terms)].map(soslTerm).join(' OR ')}}`;
}

const SOQL_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A quoted SOQL string literal (soql_sosl guide, "Quoted String Escape Sequences"). */
export function soqlString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (char) => SOQL_ESCAPES[char] ?? char)}'`;
}

/** A quoted pattern for LIKE matching `value` literally: `%` and `_` are LIKE's wildcards. */
export function soqlLikeContaining(value: string): string {
  const literal = soqlString(value)
    .slice(1, -1)
    .replace(/[%_]/g, (char) => `\\${char}`);
  return `'%${literal}%'`;
}
