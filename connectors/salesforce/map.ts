import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import type { CallLog, CallResult, ContactInput, E164, Person, RecordRef } from '../core/connector.ts';
import { normaliseForCompare } from '../core/phone.ts';

/** Salesforce writes `2026-11-02T09:15:00.000+0000`: an offset without a colon, which ISO parsers refuse. */
export const SalesforceDateTimeSchema = z
  .string()
  .transform((text) => new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')))
  .refine((date) => !Number.isNaN(date.getTime()), 'Expected a Salesforce datetime');

const optionalText = z.string().nullish();

export const CONTACT_FIELDS = [
  'Id',
  'Name',
  'Email',
  'Phone',
  'MobilePhone',
  'HomePhone',
  'OtherPhone',
  'AssistantPhone',
  'Account.Name',
  'SystemModstamp',
  'Parley_Contact_Id__c',
] as const;
export const LEAD_FIELDS = [
  'Id',
  'Name',
  'Email',
  'Phone',
  'MobilePhone',
  'Company',
  'SystemModstamp',
] as const;

const ContactRecordSchema = z.object({
  attributes: z.object({ type: z.literal('Contact') }),
  Id: z.string(),
  Name: z.string(),
  Email: optionalText,
  Phone: optionalText,
  MobilePhone: optionalText,
  HomePhone: optionalText,
  OtherPhone: optionalText,
  AssistantPhone: optionalText,
  Account: z.object({ Name: optionalText }).nullish(),
  SystemModstamp: SalesforceDateTimeSchema,
  Parley_Contact_Id__c: optionalText,
  IsDeleted: z.boolean().optional(),
});

const LeadRecordSchema = z.object({
  attributes: z.object({ type: z.literal('Lead') }),
  Id: z.string(),
  Name: z.string(),
  Email: optionalText,
  Phone: optionalText,
  MobilePhone: optionalText,
  Company: optionalText,
  SystemModstamp: SalesforceDateTimeSchema,
  IsDeleted: z.boolean().optional(),
  IsConverted: z.boolean().optional(),
});

export const PersonRecordSchema = z.union([ContactRecordSchema, LeadRecordSchema]);
export type PersonRecord = z.infer<typeof PersonRecordSchema>;
type ContactRecord = z.infer<typeof ContactRecordSchema>;

function isContact(record: PersonRecord): record is ContactRecord {
  return record.attributes.type === 'Contact';
}

export function recordUrl(instanceUrl: string, objectType: string, id: string): string {
  return `${instanceUrl.replace(/\/$/, '')}/lightning/r/${encodeURIComponent(objectType)}/${encodeURIComponent(id)}/view`;
}

export function recordRef(instanceUrl: string, objectType: string, id: string): RecordRef {
  return { crm: 'salesforce', objectType, id, url: recordUrl(instanceUrl, objectType, id) };
}

/** The raw phones a record holds, as typed. */
export function rawPhones(record: PersonRecord): string[] {
  const values = isContact(record)
    ? [record.Phone, record.MobilePhone, record.HomePhone, record.OtherPhone, record.AssistantPhone]
    : [record.Phone, record.MobilePhone];
  return values.filter((value): value is string => typeof value === 'string' && value.trim() !== '');
}

export function toPerson(record: PersonRecord, instanceUrl: string, defaultCountry: string): Person {
  const phones = [
    ...new Set(
      rawPhones(record)
        .map((raw) => normaliseForCompare(raw, defaultCountry))
        .filter((phone): phone is E164 => phone !== null),
    ),
  ];
  const common = {
    ref: recordRef(instanceUrl, record.attributes.type, record.Id),
    name: record.Name,
    emails: record.Email ? [record.Email] : [],
    phones,
    updatedAt: record.SystemModstamp,
  };
  if (!isContact(record)) {
    // A converted lead lives on as a contact: the lead itself is gone from the rep's view.
    const archived = (record.IsDeleted ?? false) || (record.IsConverted ?? false);
    return { ...common, kind: 'lead', company: record.Company ?? null, archived };
  }
  return {
    ...common,
    kind: 'contact',
    company: record.Account?.Name ?? null,
    archived: record.IsDeleted ?? false,
    ...(record.Parley_Contact_Id__c ? { parleyId: record.Parley_Contact_Id__c } : {}),
  };
}

/**
 * The numbers SOSL is asked for: E.164 and the national significant digits, since the org holds
 * phones as typed ("+33 6 12…", "06 12…"); SOSL tokenises both, and results are post-filtered.
 */
export function searchTerms(e164: E164): string[] {
  const national = parsePhoneNumberFromString(e164)?.nationalNumber;
  return national ? [e164, national] : [e164];
}

const RESULT_LABELS: Readonly<Record<CallResult, string>> = {
  answered: 'Answered',
  missed: 'Missed',
  voicemail: 'Voicemail',
  abandoned: 'Abandoned',
  busy: 'Busy',
  failed: 'Failed',
  after_hours: 'After hours',
};

const TEXTAREA_MAX = 32_000;
const TRANSCRIPT_EXCERPT = 4_000;
/** A Url field holds 255 characters (salesforce-package: Task.Parley_Recording_Url__c). */
export const RECORDING_URL_MAX = 255;

function recordingField(call: CallLog): string | undefined {
  return call.recordingUrl && call.recordingUrl.length <= RECORDING_URL_MAX ? call.recordingUrl : undefined;
}

/**
 * What Salesforce's own activity views show: the rep's notes and an excerpt of what was said. The
 * summary and the recording have fields of their own (the call history card shows them apart), so
 * they are not repeated here; only a link too long for its Url field stays in the text, whole.
 */
function description(call: CallLog): string {
  const parts = [
    call.notes,
    call.transcript &&
      `Transcript (excerpt): ${call.transcript.slice(0, TRANSCRIPT_EXCERPT)}${call.transcript.length > TRANSCRIPT_EXCERPT ? '…' : ''}`,
    call.recordingUrl && !recordingField(call) && `Recording: ${call.recordingUrl}`,
  ];
  return parts.filter(Boolean).join('\n\n').slice(0, TEXTAREA_MAX);
}

export const TASK_EXTERNAL_ID = 'Parley_Call_Id__c';
export const CONTACT_EXTERNAL_ID = 'Parley_Contact_Id__c';

export interface TaskFields {
  Subject: string;
  TaskSubtype?: 'Call';
  CallType: 'Inbound' | 'Outbound';
  CallDurationInSeconds: number;
  CallDisposition: string;
  CallObject: string;
  Status: 'Completed';
  ActivityDate: string;
  Description: string;
  WhoId?: string;
  OwnerId?: string;
  Parley_Summary__c?: string;
  Parley_Recording_Url__c?: string;
}

/**
 * The Task a call becomes (object reference `Task`; Open CTI's call fields). `TaskSubtype` is
 * create-only, so it is left out when re-sending to a Task that exists.
 */
export function toTask(call: CallLog, options: { includeSubtype: boolean }): TaskFields {
  const inbound = call.direction === 'inbound';
  const other = inbound ? call.from : call.to;
  const who =
    call.contact && ['Contact', 'Lead'].includes(call.contact.objectType) ? call.contact.id : undefined;
  const recording = recordingField(call);
  return {
    Subject: `${inbound ? 'Inbound call from' : 'Outbound call to'} ${other ?? 'a withheld number'}`,
    ...(options.includeSubtype ? { TaskSubtype: 'Call' as const } : {}),
    CallType: inbound ? 'Inbound' : 'Outbound',
    CallDurationInSeconds: call.durationSeconds,
    CallDisposition: (call.outcome ?? call.disposition ?? RESULT_LABELS[call.result]).slice(0, 255),
    CallObject: call.id.slice(0, 255),
    Status: 'Completed',
    ActivityDate: call.startedAt.toISOString().slice(0, 10),
    Description: description(call),
    ...(who ? { WhoId: who } : {}),
    ...(call.ownerId ? { OwnerId: call.ownerId } : {}),
    // Left out when absent, so a later send without them keeps what an earlier one wrote.
    ...(call.summary ? { Parley_Summary__c: call.summary.slice(0, TEXTAREA_MAX) } : {}),
    ...(recording ? { Parley_Recording_Url__c: recording } : {}),
  };
}

/** Contact's required LastName takes the last word; the rest is FirstName. */
export function splitName(name: string): { FirstName: string | null; LastName: string } {
  const words = name.trim().split(/\s+/);
  const last = words.pop() ?? name;
  return { FirstName: words.length > 0 ? words.join(' ') : null, LastName: last };
}

/**
 * The fields Parley sets on a Contact (or a Lead it updates). Only what Parley holds is sent, so an
 * update never blanks a field a user filled in Salesforce. The company is not written: on Contact
 * it is an Account lookup, which Parley does not create.
 */
export function toContactFields(contact: ContactInput, ownerId?: string): Record<string, string> {
  const { FirstName, LastName } = splitName(contact.name);
  const [phone, mobile] = contact.phones;
  const fields: Record<string, string | null | undefined> = {
    FirstName,
    LastName,
    Email: contact.emails[0],
    Phone: phone,
    MobilePhone: mobile,
    OwnerId: ownerId,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

const NOTE_TITLE_MAX = 80;

/** Classic Note titles carry Parley's note id, the key a retry finds the note by. */
export function noteMarker(noteId: string): string {
  return `[${noteId}]`;
}

export function noteTitle(body: string, noteId: string): string {
  const marker = noteMarker(noteId);
  const room = Math.max(0, NOTE_TITLE_MAX - marker.length - 1);
  const firstLine = body.split('\n')[0]?.trim() ?? '';
  const head = firstLine.length > room ? `${firstLine.slice(0, Math.max(0, room - 1))}…` : firstLine;
  return (head ? `${head} ${marker}` : marker).slice(0, NOTE_TITLE_MAX);
}

/** A position in one object's change feed: the last (SystemModstamp, Id) seen, in the feed's order. */
const FeedPositionSchema = z.strictObject({ at: z.iso.datetime(), id: z.string().min(1) });
export type FeedPosition = z.infer<typeof FeedPositionSchema>;

/** `changedContacts` follows two feeds, Contact then Lead, each from its own position. */
export const ChangeCursorSchema = z.strictObject({
  Contact: FeedPositionSchema.nullable(),
  Lead: FeedPositionSchema.nullable(),
});
export type ChangeCursor = z.infer<typeof ChangeCursorSchema>;

export function encodeCursor(cursor: ChangeCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): ChangeCursor | null {
  try {
    const parsed = ChangeCursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
