import type { Locale } from '../../i18n/i18n.tsx';
import { CRM_NAMES, count, whenIn } from '../format.ts';
import { type ConsoleKey, type ConsoleT, consoleEn } from '../texts.ts';
import type { Finding } from '../types.ts';

function isKey(key: string): key is ConsoleKey {
  return key in consoleEn;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** The facts of a finding as the reader's texts fill them in: names, localised counts and dates. */
function params(t: ConsoleT, locale: Locale, facts: Record<string, unknown>, timeZone: string) {
  const strategy = text(facts.strategy);
  const strategyKey = `routing.${strategy}`;
  const otherKey = `trouble.strategy.${strategy}`;
  const unmatched = Array.isArray(facts.unmatched) ? facts.unmatched.map(text) : [];
  const status = `inv.delivery.${text(facts.status)}`;
  const next = text(facts.nextChange);
  return {
    email: text(facts.email),
    error: text(facts.error) || '–',
    status: isKey(status) && facts.status !== 'failed' ? t(status) : text(facts.status),
    used: count(locale, number(facts.used)),
    seats: count(locale, number(facts.seats)),
    free: count(locale, Math.max(0, number(facts.seats) - number(facts.used))),
    next: next ? whenIn(locale, next, timeZone) : t('trouble.unknownDate'),
    number: text(facts.number),
    strategy: isKey(strategyKey) ? t(strategyKey) : isKey(otherKey) ? t(otherKey) : strategy,
    members: count(locale, number(facts.members)),
    online: count(locale, number(facts.online)),
    crm: CRM_NAMES[text(facts.crm)] ?? text(facts.crm),
    count: count(locale, unmatched.length),
    emails: unmatched.join(', '),
    contacts: count(locale, number(facts.contacts)),
    failed: count(locale, number(facts.failed)),
    logged: count(locale, number(facts.logged)),
    backlog: count(locale, number(facts.backlog)),
  };
}

/** A finding in the reader's language by its stable code; a code this console does not know yet keeps the API's English. */
export function findingText(t: ConsoleT, locale: Locale, finding: Finding, timeZone: string): string {
  const key = `trouble.code.${finding.code}`;
  return isKey(key) ? t(key, params(t, locale, finding.facts, timeZone)) : finding.message;
}

/** The screen where what a finding is about gets fixed. */
export function fixScreen(code: string): { to: string; screen: ConsoleKey } {
  if (code.startsWith('crm_')) return { to: '/integrations', screen: 'nav.integrations' };
  if (code.startsWith('seats_') || code.startsWith('subscription_'))
    return { to: '/billing', screen: 'nav.billing' };
  if (code === 'open_now' || code === 'closed_now') return { to: '/hours', screen: 'nav.hours' };
  if (code === 'no_number') return { to: '/numbers', screen: 'nav.numbers' };
  if (code.startsWith('number_')) return { to: '/routing', screen: 'nav.routing' };
  return { to: '/team', screen: 'nav.team' };
}
