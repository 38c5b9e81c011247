/**
 * Odoo search domains as data (prefix notation, research/odoo.md §3.4): values travel as XML-RPC
 * values, never spliced into a string, so nothing in them needs escaping. The one exception is
 * LIKE patterns: Odoo passes an `ilike` value to SQL as is, inside `%…%` (odoo/odoo#135341), so
 * `%` and `_` in it stay wildcards; every hit of a pattern search is re-checked exactly in TypeScript.
 */
export type Scalar = string | number | boolean;
export type DomainOperator = '=' | '!=' | 'in' | 'ilike' | '=ilike' | '>' | '>=' | '<' | '<=';
export type DomainLeaf = [field: string, operator: DomainOperator, value: Scalar | Scalar[]];
export type DomainTerm = '|' | '&' | '!' | DomainLeaf;
export type Domain = DomainTerm[];

export const leaf = (field: string, operator: DomainOperator, value: Scalar | Scalar[]): DomainLeaf => [
  field,
  operator,
  value,
];

/** Index after the term starting at `at` (an operator takes its operands with it). */
function termEnd(domain: Domain, at: number): number {
  const term = domain[at];
  if (term === '|' || term === '&') return termEnd(domain, termEnd(domain, at + 1));
  if (term === '!') return termEnd(domain, at + 1);
  return at + 1;
}

/** A domain as one term: Odoo ands top-level terms implicitly, which `|` and `&` would otherwise split. */
function asTerm(domain: Domain): Domain {
  let terms = 0;
  for (let at = 0; at < domain.length; at = termEnd(domain, at)) terms++;
  return [...Array.from({ length: Math.max(0, terms - 1) }, () => '&' as const), ...domain];
}

function combine(operator: '|' | '&', domains: Domain[]): Domain {
  const parts = domains.filter((domain) => domain.length > 0).map(asTerm);
  return [...Array.from({ length: Math.max(0, parts.length - 1) }, () => operator), ...parts.flat()];
}

/** `a OR b OR …`, each operand a whole domain. */
export const anyOf = (...domains: Domain[]): Domain => combine('|', domains);

/** `a AND b AND …`, each operand a whole domain. */
export const allOf = (...domains: Domain[]): Domain => combine('&', domains);
