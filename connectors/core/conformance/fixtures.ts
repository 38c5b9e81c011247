import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CallLog, E164 } from '../connector.ts';

/**
 * The same people in every CRM: each emulator's seed maps these into its own records, with the
 * phones stored exactly as typed here (CRMs keep what people type), national forms read as French.
 */
const FixturePersonSchema = z.strictObject({
  key: z.string(),
  kind: z.enum(['contact', 'lead']),
  name: z.string(),
  company: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
});
export type FixturePerson = z.infer<typeof FixturePersonSchema>;

export const FIXTURE_PEOPLE: readonly FixturePerson[] = z
  .array(FixturePersonSchema)
  .parse(JSON.parse(readFileSync(new URL('./people.json', import.meta.url), 'utf8')));

/** The country national numbers in the fixtures are read in; connectors get it from their config. */
export const FIXTURE_COUNTRY = 'FR';

/** `count` more people, for paging: "Person bulk 0001" with +33 7 00 00 01 00 and so on. */
export function manyPeople(count: number, prefix = 'bulk'): FixturePerson[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      key: `${prefix}-${n}`,
      kind: 'contact' as const,
      name: `Person ${prefix} ${n}`,
      company: null,
      emails: [`${prefix}.${n}@example.test`],
      phones: [`+33 7 00 ${n.slice(0, 2)} ${n.slice(2)} 00`],
    };
  });
}

export const e164 = (value: string) => value as E164;

let sequence = 0;

/** A finished call as the sync worker hands it over; unique id per call. */
export function callLog(overrides: Partial<CallLog> = {}): CallLog {
  sequence++;
  return {
    id: `call_conf_${process.pid}_${sequence}`,
    direction: 'inbound',
    from: e164('+33612345678'),
    to: e164('+33199000001'),
    startedAt: new Date('2026-11-02T09:15:00Z'),
    durationSeconds: 42,
    result: 'answered',
    memberEmail: 'rep@parley.example',
    ...overrides,
  };
}
