/** The dialer's coaching and supervision events from /api/events (core: domain/calls/coaching-notices.ts, domain/supervision). */
export type SupervisedMode = 'listen' | 'whisper' | 'barge';

export type CoachingEvent =
  | { type: 'coaching_comment'; callId: string }
  | { type: 'being_supervised'; callId: string; mode: SupervisedMode | null };

export const COACHING_EVENT_TYPES = ['coaching_comment', 'being_supervised'] as const;

const MODES: readonly string[] = ['listen', 'whisper', 'barge'];

/** Reads one SSE payload; anything else is ignored. */
export function parseCoachingEvent(data: string): CoachingEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type, callId, mode } = value as Record<string, unknown>;
  if (typeof callId !== 'string') return null;
  if (type === 'coaching_comment') return { type, callId };
  if (type === 'being_supervised')
    return {
      type,
      callId,
      mode: typeof mode === 'string' && MODES.includes(mode) ? (mode as SupervisedMode) : null,
    };
  return null;
}
