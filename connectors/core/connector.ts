import { z } from 'zod';
import type { CrmError } from './errors.ts';

/** Parley's side of the contract with a CRM: these shapes, never a vendor's, cross the boundary. */

export const CRM_KINDS = ['hubspot', 'salesforce', 'attio', 'odoo'] as const;
export const CrmKindSchema = z.enum(CRM_KINDS);
export type CrmKind = z.infer<typeof CrmKindSchema>;

/**
 * Contact sources: address books Parley only reads contacts from (Google Contacts). No call logs,
 * notes or owners, so not `CrmConnector`s and not in `CRM_KINDS`; they share refs, people and errors.
 */
export const SOURCE_KINDS = ['google'] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** Anything an account connects: a CRM or a contact source. */
export const CONNECTION_KINDS = [...CRM_KINDS, ...SOURCE_KINDS] as const;
export const ConnectionKindSchema = z.enum(CONNECTION_KINDS);
export type ConnectionKind = z.infer<typeof ConnectionKindSchema>;

/** How admins know each CRM and source, for messages. */
export const CRM_LABELS: Readonly<Record<ConnectionKind, string>> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  attio: 'Attio',
  odoo: 'Odoo',
  google: 'Google Contacts',
};

/** Same shape as core's `E164`, so either side's value is accepted by the other without a cast. */
export type E164 = string & { readonly __brand: 'E164' };
const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
export const E164Schema = z.custom<E164>((value) => typeof value === 'string' && E164_PATTERN.test(value), {
  message: 'Expected a phone number in E.164 form, like +33612345678',
});

/** Dates travel as ISO strings through the outbox and as Date in process; both parse to a Date. */
const Instant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((iso) => new Date(iso))]);

export const RecordRefSchema = z.strictObject({
  crm: ConnectionKindSchema,
  /** The CRM's object name: `contacts`, `Contact`, `Lead`, `people`, `res.partner`, `calls`, `Task`… */
  objectType: z.string().min(1),
  id: z.string().min(1),
  url: z.url().optional(),
});
export type RecordRef = z.infer<typeof RecordRefSchema>;

export const CallDirectionSchema = z.enum(['inbound', 'outbound']);
export type CallDirection = z.infer<typeof CallDirectionSchema>;

/** Mirrors core's call results; a connector maps each to its CRM's own outcome values. */
export const CallResultSchema = z.enum([
  'answered',
  'missed',
  'voicemail',
  'abandoned',
  'busy',
  'failed',
  'after_hours',
]);
export type CallResult = z.infer<typeof CallResultSchema>;

export const CallLogSchema = z.strictObject({
  /** Parley's call id: the key every connector upserts on, so a retry never makes a second record. */
  id: z.string().min(1),
  direction: CallDirectionSchema,
  /** null when the caller withheld their number. */
  from: E164Schema.nullable(),
  to: E164Schema,
  startedAt: Instant,
  /** Connected seconds; 0 for a call nobody answered. */
  durationSeconds: z.number().int().min(0),
  result: CallResultSchema,
  /** The member who took or placed the call; the connector maps it to a CRM owner. */
  memberEmail: z.email().optional(),
  notes: z.string().optional(),
  /** Parley's disposition; the connection's settings say which CRM outcome it becomes. */
  disposition: z.string().optional(),
  recordingUrl: z.url().optional(),
  transcript: z.string().optional(),
  summary: z.string().optional(),
  /** The one record to log the call on (picked by the rep, else the most recently engaged); absent logs it unassociated. */
  contact: RecordRefSchema.optional(),
  /** The CRM user who owns the log, from the connection's member mapping (`listOwners`); absent leaves the CRM's default. */
  ownerId: z.string().min(1).optional(),
  /** The CRM's own outcome value (`listOutcomes`), from the connection's mapping of Parley's result and disposition. */
  outcome: z.string().min(1).optional(),
});
export type CallLog = z.infer<typeof CallLogSchema>;

export const PersonSchema = z.strictObject({
  ref: RecordRefSchema,
  /** Contacts rank before leads when both match a number. */
  kind: z.enum(['contact', 'lead']),
  name: z.string(),
  company: z.string().nullable(),
  emails: z.array(z.string()),
  /** Only the numbers that normalise to E.164; the raw forms stay in the CRM. */
  phones: z.array(E164Schema),
  updatedAt: Instant,
  /** Set in `changedContacts` when the CRM archived or deleted the person. */
  archived: z.boolean().default(false),
  /** The Parley contact id the record carries when Parley wrote it: the change is ours, not new (no echo). */
  parleyId: z.string().min(1).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const ContactInputSchema = z.strictObject({
  /** Parley's contact id, written to the CRM so the change is recognised as ours and not imported back. */
  parleyId: z.string().min(1),
  /** Present to update a record Parley already knows. */
  ref: RecordRefSchema.optional(),
  name: z.string().trim().min(1),
  company: z.string().nullable().optional(),
  emails: z.array(z.email()).default([]),
  phones: z.array(E164Schema).default([]),
  ownerEmail: z.email().optional(),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const NoteSchema = z.strictObject({
  /** Parley's note id, so a retried note is recognised. */
  id: z.string().min(1),
  body: z.string().min(1),
  createdAt: Instant,
  authorEmail: z.email().optional(),
});
export type Note = z.infer<typeof NoteSchema>;

/** Opaque to core: only the connector that issued a cursor reads it; core stores it as given. */
export const CursorSchema = z.string().min(1);
export type Cursor = z.infer<typeof CursorSchema>;

export interface Page<T> {
  items: T[];
  /** null when the feed is drained for now; the last non-null cursor resumes it later. */
  next: Cursor | null;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), next: CursorSchema.nullable() });
}

/** One entry per input, in input order, so a caller pairs results with what it sent. */
export type BatchItem<T> = { ok: true; value: T } | { ok: false; error: CrmError };
export type BatchResult<T> = BatchItem<T>[];

export const ConnectedAsSchema = z.strictObject({
  /** HubSpot portal, Salesforce org, Attio workspace or Odoo database. */
  accountId: z.string().min(1),
  userId: z.string().min(1),
  userEmail: z.string().optional(),
  instanceUrl: z.url(),
});
export type ConnectedAs = z.infer<typeof ConnectedAsSchema>;

/** A CRM user a member's calls can be owned by, matched to members by email. */
export const CrmOwnerSchema = z.strictObject({ id: z.string().min(1), email: z.string(), name: z.string() });
export type CrmOwner = z.infer<typeof CrmOwnerSchema>;

/** One of the CRM's own call outcome values (HubSpot's per-portal dispositions, Salesforce's picklist…). */
export const CrmOutcomeSchema = z.strictObject({ value: z.string().min(1), label: z.string() });
export type CrmOutcome = z.infer<typeof CrmOutcomeSchema>;

export interface CrmConnector {
  readonly kind: CrmKind;
  /** Who the stored credentials act as; throws `CrmError('auth')` when they no longer work. */
  verify(): Promise<ConnectedAs>;
  /** Contacts and leads whose numbers normalise to `e164`, best match first; `[]` when none. */
  findContactsByPhone(e164: E164): Promise<Person[]>;
  /** Idempotent on `call.id`: twice, or again after a crash between the CRM's write and ours, still one record. */
  upsertCallLog(call: CallLog): Promise<RecordRef>;
  /** The batch form, on the CRM's batch endpoints; one result per call, in order. */
  upsertCallLogs(calls: CallLog[]): Promise<BatchResult<RecordRef>>;
  addNote(target: RecordRef, note: Note): Promise<RecordRef>;
  upsertContact(contact: ContactInput): Promise<RecordRef>;
  /** Contacts changed since `cursor` (from the beginning when null), a page at a time. */
  changedContacts(cursor: Cursor | null): Promise<Page<Person>>;
  /** The CRM users calls can be owned by, for the admin's member mapping. */
  listOwners(): Promise<CrmOwner[]>;
  /** The outcome values the CRM accepts on a call log, for the admin's outcome mapping. */
  listOutcomes(): Promise<CrmOutcome[]>;
  /** The CRM page of a record, for screen pops. Pure: no I/O. */
  recordUrl(ref: RecordRef): string;
}
