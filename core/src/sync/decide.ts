import type { CallLog, CrmOwner, RecordRef } from '@parley/connectors';
import type { CallRecord } from '../domain/calls/call-record.ts';
import type { ConnectionSettings } from './settings.ts';

/** The call as the sync reads it: the record plus who and what Parley knows around it. */
export interface CallToLog {
  id: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  record: CallRecord;
  notes: string | null;
  disposition: string | null;
  member: { id: string; email: string } | null;
  /** Both ends are the team's own lines. */
  internal: boolean;
  /** What the AI pipeline made of the recording, and the link CRMs play it from, once they exist. */
  intelligence?: { transcript?: string; summary?: string; recordingUrl?: string };
}

export type Plan =
  | { action: 'log'; call: CallLog }
  | { action: 'skip'; reason: string }
  /** The caller is unknown and the settings say to create them first, then log on the new record. */
  | { action: 'create_contact_then_log'; call: CallLog };

const E164 = /^\+[1-9]\d{6,14}$/;

function asE164(value: string): CallLog['to'] | null {
  return E164.test(value) ? (value as CallLog['to']) : null;
}

/** The CRM owner of a member's calls: the admin's choice, else the user with the member's email, else the fallback. */
export function ownerFor(
  member: CallToLog['member'],
  owners: readonly CrmOwner[],
  settings: ConnectionSettings,
): string | undefined {
  if (member) {
    const chosen = settings.ownerOverrides[member.id];
    if (chosen) return chosen;
    const email = member.email.toLowerCase();
    const matched = owners.find((owner) => owner.email.toLowerCase() === email);
    if (matched) return matched.id;
  }
  return settings.fallbackOwnerId ?? undefined;
}

/** One outcome per call: the disposition's mapping wins over the result's. */
export function outcomeFor(
  result: string | undefined,
  disposition: string | null,
  settings: ConnectionSettings,
): string | undefined {
  return (
    (disposition ? settings.outcomes[disposition] : undefined) ??
    (result ? settings.outcomes[result] : undefined)
  );
}

/** The customer's number: who called in, or who was called. */
export function remoteNumber(call: Pick<CallToLog, 'direction' | 'from' | 'to'>): string {
  return call.direction === 'inbound' ? call.from : call.to;
}

/**
 * Pure: whether and how one call goes to one CRM connection. `contact` is the record to log it on
 * (already chosen: the rep's pick, else the most recently engaged), or null when nobody matched.
 */
export function planCallLog(
  call: CallToLog,
  contact: RecordRef | null,
  owners: readonly CrmOwner[],
  settings: ConnectionSettings,
): Plan {
  if (call.internal && !settings.logInternalCalls) {
    return { action: 'skip', reason: 'Internal call between members: not logged (connection settings).' };
  }
  const result = call.record.result ?? 'failed';
  if (settings.logCalls === 'answered' && result !== 'answered') {
    return { action: 'skip', reason: 'Only answered calls are logged (connection settings).' };
  }
  const to = asE164(call.record.to || call.to);
  if (!to) return { action: 'skip', reason: `The number called (${call.to}) is not a phone number.` };
  const record = call.record;
  const log: CallLog = {
    id: call.id,
    direction: call.direction,
    from: asE164(record.from || call.from),
    to,
    startedAt: record.createdAt,
    durationSeconds: record.talkSeconds ?? 0,
    result,
    ...(call.member ? { memberEmail: call.member.email } : {}),
    ...(call.notes ? { notes: call.notes } : {}),
    ...(call.disposition ? { disposition: call.disposition } : {}),
    ...(settings.includeRecordings && (record.recording ?? record.voicemail)
      ? { recordingUrl: call.intelligence?.recordingUrl ?? (record.recording ?? record.voicemail)?.url }
      : {}),
    ...(settings.includeTranscripts && (call.intelligence?.transcript ?? record.voicemail?.transcript)
      ? { transcript: call.intelligence?.transcript ?? record.voicemail?.transcript }
      : {}),
    // A summary retells what was said: it goes where transcripts may go.
    ...(settings.includeTranscripts && call.intelligence?.summary
      ? { summary: call.intelligence.summary }
      : {}),
    ...(contact ? { contact } : {}),
  };
  const owner = ownerFor(call.member, owners, settings);
  if (owner) log.ownerId = owner;
  const outcome = outcomeFor(result, call.disposition, settings);
  if (outcome) log.outcome = outcome;
  if (contact) return { action: 'log', call: log };
  switch (settings.unknownCallers) {
    case 'skip':
      return { action: 'skip', reason: 'Unknown caller: not logged (connection settings).' };
    case 'create_contact':
      return asE164(remoteNumber(call))
        ? { action: 'create_contact_then_log', call: log }
        : { action: 'log', call: log };
    case 'log_unassociated':
      return { action: 'log', call: log };
  }
}
