import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import type { CallLog, ContactInput, E164, Note, Person } from '../core/connector.ts';
import { normaliseForCompare } from '../core/phone.ts';

/** Odoo answers `false` for an empty char, date or many2one (research/odoo.md §3.4), never null. */
const orFalse = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal(false)]);
const Many2one = orFalse(z.tuple([z.number().int(), z.string()]));
const Text = orFalse(z.string());

/** Odoo datetimes over RPC: 'YYYY-MM-DD HH:MM:SS' in UTC, both ways; a JS Date is refused (§0.6). */
export function odooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function parseOdooDatetime(value: string): Date {
  const date = new Date(`${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an Odoo datetime: ${value}`);
  return date;
}

/** The second after `value`: Odoo stores microseconds but answers seconds, so paging works on whole seconds. */
export function nextSecond(value: string): string {
  return odooDatetime(new Date(parseOdooDatetime(value).getTime() + 1000));
}

// ——— partners ———

export const PARTNER_FIELDS = [
  'name',
  'email',
  'phone',
  'mobile',
  'is_company',
  'parent_id',
  'active',
  'write_date',
  'ref',
] as const;

export const PartnerRowSchema = z.object({
  id: z.number().int(),
  name: Text,
  email: Text,
  phone: Text,
  mobile: Text,
  is_company: z.boolean(),
  parent_id: Many2one,
  active: z.boolean(),
  write_date: z.string(),
  ref: Text,
});
export type PartnerRow = z.infer<typeof PartnerRowSchema>;

/**
 * Parley's contact id lives in the partner's `ref` ("Reference", in base, so it works before the
 * Parley module is installed), prefixed so Parley recognises its own and leaves an admin's
 * customer code alone.
 */
const PARLEY_REF_PREFIX = 'parley:';
export const parleyRef = (parleyId: string) => `${PARLEY_REF_PREFIX}${parleyId}`;

export function parleyIdOf(ref: string | false): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith(PARLEY_REF_PREFIX)) return undefined;
  return ref.slice(PARLEY_REF_PREFIX.length) || undefined;
}

/** Whether Parley may write `ref`: empty, or already Parley's. */
export const refIsOurs = (ref: string | false) => !ref || ref.startsWith(PARLEY_REF_PREFIX);

function storedPhones(row: PartnerRow): string[] {
  return [row.phone, row.mobile].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
}

export function partnerHasNumber(row: PartnerRow, e164: E164, defaultCountry: string): boolean {
  return storedPhones(row).some((stored) => normaliseForCompare(stored, defaultCountry) === e164);
}

export function partnerToPerson(row: PartnerRow, defaultCountry: string, url: string): Person {
  const phones = new Set<E164>();
  for (const stored of storedPhones(row)) {
    const e164 = normaliseForCompare(stored, defaultCountry);
    if (e164) phones.add(e164);
  }
  const parleyId = parleyIdOf(row.ref);
  return {
    ref: { crm: 'odoo', objectType: 'res.partner', id: String(row.id), url },
    // Odoo has no leads in scope (crm.lead is another app): every partner is a contact.
    kind: 'contact',
    name: row.name || '',
    company: row.parent_id ? row.parent_id[1] : null,
    emails: row.email ? [row.email] : [],
    phones: [...phones],
    updatedAt: parseOdooDatetime(row.write_date),
    archived: !row.active,
    ...(parleyId ? { parleyId } : {}),
  };
}

/** People first, then companies (a switchboard number), then oldest record first. */
export function rankPartners(rows: PartnerRow[]): PartnerRow[] {
  return [...rows].sort((a, b) => Number(a.is_company) - Number(b.is_company) || a.id - b.id);
}

/**
 * The last digits of the national number: `phone_mobile_search` strips separators before an
 * `ilike`, so "06 12 34 56 78" and "+33 6 12…" both contain "612345678" (research/odoo.md §2.2).
 * Nine digits keep the trunk prefix (0, +33, 0033) out; Odoo refuses fewer than three.
 */
export function phoneSearchDigits(e164: E164): string | null {
  const national = parsePhoneNumberFromString(e164)?.nationalNumber ?? e164.replace(/^\+\d{1,3}/, '');
  const digits = national.replace(/\D/g, '').slice(-9);
  return digits.length >= 3 ? digits : null;
}

/** For Odoo without `phone_mobile_search` (no `sms` module): `=ilike` with any separators between digits. */
export function separatorTolerantPattern(digits: string): string {
  return `%${[...digits].join('%')}`;
}

export function contactVals(contact: ContactInput): Record<string, unknown> {
  return {
    name: contact.name,
    email: contact.emails[0] ?? false,
    phone: contact.phones[0] ?? false,
    mobile: contact.phones[1] ?? false,
  };
}

// ——— calls ———

/**
 * The method of Parley's Odoo module that logs calls, and its one argument: a list of `parley.call`
 * values, upserted by `call_id` (odoo-module/parley/models/parley_call.py `upsert_calls(self, calls)`,
 * `@api.model`, so the list is `args[0]`). connectors/odoo/addon-contract.test.ts reads the addon's
 * source to keep this, the values below and the emulator in step.
 */
export const UPSERT_CALLS = { model: 'parley.call', method: 'upsert_calls', params: ['calls'] } as const;

/** One call as `upsert_calls` takes it: the addon's `call_values.UPSERT_FIELDS`, `false` for empty. */
export interface CallVals {
  call_id: string;
  started_at: string;
  duration: number;
  partner_id: number | false;
  user_id: number | false;
  direction: string;
  result: string;
  outcome: string | false;
  from_number: string | false;
  to_number: string;
  disposition: string | false;
  recording_url: string | false;
  transcript: string | false;
  summary: string | false;
  notes: string | false;
}

/** The module's answer per call, in the order sent: the record's id, or why it refused that call. */
export const UpsertResultSchema = z.union([
  z.object({ call_id: z.string(), id: z.number().int() }),
  z.object({ call_id: z.string(), error: z.enum(['invalid', 'not_found']), message: z.string() }),
]);
export type UpsertResult = z.infer<typeof UpsertResultSchema>;

const idOf = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : false);

export function callVals(call: CallLog): CallVals {
  return {
    call_id: call.id,
    started_at: odooDatetime(call.startedAt),
    duration: call.durationSeconds,
    partner_id: call.contact ? idOf(call.contact.id) : false,
    user_id: idOf(call.ownerId),
    direction: call.direction,
    result: call.result,
    outcome: call.outcome ?? false,
    from_number: call.from ?? false,
    to_number: call.to,
    disposition: call.disposition ?? false,
    recording_url: call.recordingUrl ?? false,
    transcript: call.transcript ?? false,
    summary: call.summary ?? false,
    notes: call.notes ?? false,
  };
}

// ——— chatter (notes, and calls without the module) ———

/** Found again by an `ilike` on the message body, so a retried post is recognised. */
export const callMarker = (callId: string) => `[parley:call:${callId}]`;
export const noteMarker = (noteId: string) => `[parley:note:${noteId}]`;

/**
 * Plain text: `message_post` over RPC escapes HTML (research/odoo.md §0.7), so markup would show as
 * tags. The "Duration: N s" wording is what the emulator reads back as the call's duration.
 */
export function callChatterBody(call: CallLog): string {
  const parts = [
    `Parley ${call.direction} call, ${call.result}`,
    `Duration: ${call.durationSeconds} s`,
    `Started: ${odooDatetime(call.startedAt)} UTC`,
    call.from ? `From: ${call.from}` : 'From: withheld',
    `To: ${call.to}`,
    call.outcome ? `Outcome: ${call.outcome}` : '',
    call.notes ? `Notes: ${call.notes}` : '',
    call.summary ? `Summary: ${call.summary}` : '',
    call.recordingUrl ? `Recording: ${call.recordingUrl}` : '',
    callMarker(call.id),
  ];
  return parts.filter(Boolean).join(' — ');
}

export const noteBody = (note: Note) => `${note.body} ${noteMarker(note.id)}`;

// ——— change feed cursor ———

/**
 * Where the change feed stands: every second before `second` was delivered, and in `second` the
 * first `count` rows in Odoo's (microsecond) order; `tail` lists their ids in that order while there
 * are few enough, so a row changed again within the same second is recognised as new.
 */
export interface FeedPosition {
  second: string;
  count: number;
  tail: number[];
}

const CURSOR = /^v1\|(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\|(\d+)\|([\d,]*)$/;

export const encodeCursor = (at: FeedPosition) => `v1|${at.second}|${at.count}|${at.tail.join(',')}`;

export function decodeCursor(cursor: string): FeedPosition | null {
  const match = CURSOR.exec(cursor);
  if (!match?.[1] || !match[2] || match[3] === undefined) return null;
  const tail = match[3] === '' ? [] : match[3].split(',').map(Number);
  return { second: match[1], count: Number(match[2]), tail };
}

// ——— links ———

/**
 * `/odoo/<model>/<id>` came with path-based routing in saas-17.2 (odoo/odoo#142007), so 18 has it
 * and 17.0 does not. The router kept reading the old `/web#id=…&model=…` hash ("Router:
 * Retrocompatibility" tests, odoo/odoo#153815), so the hash route is the default until the
 * connector has seen the server's version (in `verify`), and works on both.
 */
export function recordUrl(base: string, model: string, id: string, modernRoutes: boolean): string {
  if (modernRoutes) return `${base}/odoo/${model}/${encodeURIComponent(id)}`;
  const query = new URLSearchParams({ id, model, view_type: 'form' });
  return `${base}/web#${query.toString()}`;
}

/** Whether `server_version_info` ([17, 2, …] or ['saas~17', 2, …]) has the `/odoo/…` routes. */
export function hasModernRoutes(versionInfo: ReadonlyArray<string | number>): boolean {
  const [majorRaw, minorRaw] = versionInfo;
  const major = Number(String(majorRaw).replace(/^saas~/, ''));
  const minor = Number(minorRaw);
  return major > 17 || (major === 17 && minor >= 2);
}
