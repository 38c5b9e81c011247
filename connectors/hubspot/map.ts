import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import type { CallLog, CallResult, ContactInput, E164, Person, RecordRef } from '../core/connector.ts';
import { normaliseForCompare } from '../core/phone.ts';
import type { HubspotConfig } from './config.ts';

/** Custom properties Parley creates (unique), so HubSpot itself upserts on Parley's ids. */
export const PARLEY_CALL_ID = 'parley_call_id';
export const PARLEY_NOTE_ID = 'parley_note_id';
export const PARLEY_CONTACT_ID = 'parley_contact_id';

/** HUBSPOT_DEFINED association type ids (https://developers.hubspot.com/docs/api/crm/associations). */
export const CALL_TO_CONTACT = 194;
export const NOTE_TO_CONTACT = 202;

export const CONTACT_PROPERTIES = [
  'firstname',
  'lastname',
  'company',
  'email',
  'phone',
  'mobilephone',
  'lifecyclestage',
  'lastmodifieddate',
  PARLEY_CONTACT_ID,
];

/** `SimplePublicObject` as the v3 object endpoints return it; only the fields we read. */
export const HubspotObject = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional(),
});
export type HubspotObject = z.infer<typeof HubspotObject>;

// HubSpot's own call statuses (calls guide); a voicemail is a call that went through to the box.
const STATUS_OF_RESULT: Readonly<Record<CallResult, string>> = {
  answered: 'COMPLETED',
  voicemail: 'COMPLETED',
  missed: 'NO_ANSWER',
  after_hours: 'NO_ANSWER',
  abandoned: 'CANCELED',
  busy: 'BUSY',
  failed: 'FAILED',
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');

/** `hs_call_body` is HTML: the rep's notes, the summary, Parley's disposition and the recording link. */
export function callBody(call: CallLog): string {
  const parts: string[] = [];
  if (call.notes) parts.push(`<p>${escapeHtml(call.notes)}</p>`);
  if (call.summary) parts.push(`<p><strong>Summary</strong><br>${escapeHtml(call.summary)}</p>`);
  if (call.disposition) parts.push(`<p>Disposition: ${escapeHtml(call.disposition)}</p>`);
  if (call.recordingUrl) {
    const href = escapeHtml(call.recordingUrl);
    parts.push(`<p><a href="${href}">Recording</a></p>`);
  }
  return parts.join('');
}

export function callTitle(call: CallLog): string {
  return call.direction === 'inbound'
    ? `Call from ${call.from ?? 'a withheld number'}`
    : `Call to ${call.to}`;
}

/** Parley's app at HubSpot and the Parley account of the portal (both set for the recordings pipeline). */
export type ParleyApp = Pick<HubspotConfig, 'appId' | 'externalAccountId'>;

/** Whether calls with a recording go through HubSpot's recordings pipeline (player and transcription). */
export function usesRecordingPipeline(app: ParleyApp): app is Required<ParleyApp> {
  return Boolean(app.appId && app.externalAccountId);
}

/**
 * A call log as the properties of a HubSpot call engagement (calls-v3; values are strings).
 * With both ids in `app`, a call with a recording carries what HubSpot's recordings pipeline asks for
 * (`hs_call_external_id`, `hs_call_external_account_id`, `hs_call_app_id`, `hs_call_source`), and
 * no `hs_call_recording_url`: HubSpot's example for that pipeline sets none, and fetches a fresh
 * link from the registered recording URL instead of keeping Parley's expiring one
 * (developers.hubspot.com/docs/api-reference/latest/crm/extensions/calling-extensions/recordings-and-transcriptions).
 */
export function callProperties(call: CallLog, app: ParleyApp = {}): Record<string, string> {
  const properties: Record<string, string> = {
    hs_timestamp: call.startedAt.toISOString(),
    hs_call_title: callTitle(call),
    hs_call_body: callBody(call),
    // HubSpot keeps durations in milliseconds.
    hs_call_duration: String(call.durationSeconds * 1000),
    hs_call_direction: call.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND',
    hs_call_to_number: call.to,
    hs_call_status: STATUS_OF_RESULT[call.result],
    hs_call_source: 'INTEGRATIONS_PLATFORM',
    hs_call_external_id: call.id,
  };
  if (call.from) properties.hs_call_from_number = call.from;
  if (call.outcome) properties.hs_call_disposition = call.outcome;
  if (call.ownerId) properties.hubspot_owner_id = call.ownerId;
  if (app.appId) properties.hs_call_app_id = app.appId;
  if (call.recordingUrl && usesRecordingPipeline(app))
    properties.hs_call_external_account_id = app.externalAccountId;
  else if (call.recordingUrl) properties.hs_call_recording_url = call.recordingUrl;
  return properties;
}

export function noteProperties(body: string, createdAt: Date): Record<string, string> {
  return { hs_note_body: escapeHtml(body), hs_timestamp: createdAt.toISOString() };
}

/** First word as first name, the rest as last name: HubSpot has no single name field. */
export function contactProperties(input: ContactInput): Record<string, string> {
  const [first = '', ...rest] = input.name.trim().split(/\s+/);
  const properties: Record<string, string> = {
    firstname: first,
    lastname: rest.join(' '),
    company: input.company ?? '',
    [PARLEY_CONTACT_ID]: input.parleyId,
  };
  const [email] = input.emails;
  if (email) properties.email = email;
  const [phone, mobile] = input.phones;
  if (phone) properties.phone = phone;
  if (mobile) properties.mobilephone = mobile;
  return properties;
}

export function recordUrl(appBaseUrl: string, portalId: string, ref: Pick<RecordRef, 'objectType' | 'id'>) {
  // Object type ids: 0-1 contacts, 0-48 calls, 0-46 notes (HubSpot's object type id table).
  const typeId = ref.objectType === 'calls' ? '0-48' : ref.objectType === 'notes' ? '0-46' : '0-1';
  return `${appBaseUrl.replace(/\/+$/, '')}/contacts/${portalId}/record/${typeId}/${encodeURIComponent(ref.id)}`;
}

export interface PersonContext {
  appBaseUrl: string;
  portalId: string;
  defaultCountry: string;
}

export function personOf(contact: HubspotObject, context: PersonContext): Person {
  const p = contact.properties;
  const name = [p.firstname, p.lastname].filter((part) => part?.trim()).join(' ');
  const phones = [p.phone, p.mobilephone]
    .map((raw) => (raw ? normaliseForCompare(raw, context.defaultCountry) : null))
    .filter((phone): phone is E164 => phone !== null);
  const parleyId = p[PARLEY_CONTACT_ID];
  return {
    ref: {
      crm: 'hubspot',
      objectType: 'contacts',
      id: contact.id,
      url: recordUrl(context.appBaseUrl, context.portalId, { objectType: 'contacts', id: contact.id }),
    },
    kind: p.lifecyclestage === 'lead' ? 'lead' : 'contact',
    name: name || p.email || contact.id,
    company: p.company?.trim() || null,
    emails: p.email ? [p.email] : [],
    phones: [...new Set(phones)],
    updatedAt: new Date(p.lastmodifieddate ?? contact.updatedAt),
    archived: contact.archived ?? false,
    ...(parleyId ? { parleyId } : {}),
  };
}

/**
 * The digits HubSpot indexes in `hs_searchable_calculated_*_number`: the national significant
 * number, without country code or trunk prefix (research/hubspot.md §3.4).
 */
export function searchableDigits(e164: E164): string | null {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? String(parsed.nationalNumber) : null;
}

/** Filter groups are ORed: a match on the phone or the mobile index (values never concatenated into a query). */
export function phoneSearchBody(digits: string) {
  return {
    filterGroups: [
      { filters: [{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'EQ', value: digits }] },
      {
        filters: [{ propertyName: 'hs_searchable_calculated_mobile_number', operator: 'EQ', value: digits }],
      },
    ],
    properties: CONTACT_PROPERTIES,
    sorts: [{ propertyName: 'lastmodifieddate', direction: 'DESCENDING' }],
    limit: 100,
    after: '0',
  };
}
