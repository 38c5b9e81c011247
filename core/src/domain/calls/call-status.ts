/** A carrier call's status, as Twilio names it; other carriers map onto these. */
export const CALL_STATUSES = [
  'queued',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
] as const;

export type CallStatus = (typeof CALL_STATUSES)[number];

export type TerminalCallStatus = Extract<
  CallStatus,
  'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled'
>;

const TERMINAL: ReadonlySet<CallStatus> = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export function isTerminal(status: CallStatus): status is TerminalCallStatus {
  return TERMINAL.has(status);
}

/**
 * How far along a call a status is. A call only moves up this scale, so a late `ringing`
 * never undoes an `in-progress`; all terminal statuses share the top rank because a call ends once.
 */
export function statusRank(status: CallStatus): number {
  if (isTerminal(status)) return 3;
  return status === 'queued' ? 0 : status === 'ringing' ? 1 : 2;
}
