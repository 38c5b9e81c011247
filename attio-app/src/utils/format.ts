import type { PersonCall, StartedCall } from '../parley/schemas';

const RESULTS: Record<NonNullable<PersonCall['result']>, string> = {
  answered: 'Answered',
  missed: 'Missed',
  voicemail: 'Voicemail',
  abandoned: 'Abandoned',
  busy: 'Busy',
  failed: 'Failed',
  after_hours: 'After hours',
};

export function outcomeLabel(call: PersonCall): string {
  if (call.live || call.result === null) return 'In progress';
  return call.disposition ? `${RESULTS[call.result]} · ${call.disposition}` : RESULTS[call.result];
}

/** `45 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** `12 Nov 2026, 14:03` in the Attio user's own time zone and language. */
export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** One line per call: `Outbound · Answered · 2 min 05 s`. */
export function callLine(call: PersonCall): string {
  const direction = call.direction === 'inbound' ? 'Inbound' : 'Outbound';
  const parts = [direction, outcomeLabel(call)];
  if (call.durationSeconds > 0) parts.push(formatDuration(call.durationSeconds));
  return parts.join(' · ');
}

/** Who took the call and when: `Max Member, 12 Nov 2026, 14:03`. */
export function callByline(call: PersonCall): string {
  const when = formatWhen(call.startedAt);
  return call.member ? `${call.member.name}, ${when}` : when;
}

export function startedMessage(call: StartedCall): string {
  if (call.mode === 'call_me_first' && call.ringing)
    return `Parley is ringing your phone (${call.ringing}): pick up to be connected to ${call.to}.`;
  if (call.mode === 'simulated') return `Parley's simulator placed the call to ${call.to}.`;
  return `Parley is calling ${call.to}.`;
}
