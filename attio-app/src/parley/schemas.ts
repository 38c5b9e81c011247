import { z } from 'zod';

export const CALL_RESULTS = [
  'answered',
  'missed',
  'voicemail',
  'abandoned',
  'busy',
  'failed',
  'after_hours',
] as const;

/** A call as `GET /api/attio-app/people/:recordId/calls` returns it (core/src/attio-app/person-calls.ts). */
export const PersonCall = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  startedAt: z.string(),
  number: z.string(),
  result: z.enum(CALL_RESULTS).nullable(),
  live: z.boolean(),
  durationSeconds: z.number(),
  member: z.object({ name: z.string(), email: z.string() }).nullable(),
  notes: z.string().nullable(),
  disposition: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  voicemail: z.object({ url: z.string(), transcript: z.string().nullable() }).nullable(),
  /** Parley's AI summary (an extract is marked `[Extract]`), once its pipeline made one. */
  summary: z.string().nullable(),
});
export type PersonCall = z.infer<typeof PersonCall>;

export const PersonCalls = z.object({ calls: z.array(PersonCall) });

/** `POST /api/attio-app/calls`: Parley rings the member's own phone, then the number. */
export const StartedCall = z.object({
  mode: z.enum(['call_me_first', 'simulated', 'browser']),
  to: z.string(),
  callerId: z.string(),
  callId: z.string().optional(),
  ringing: z.string().optional(),
});
export type StartedCall = z.infer<typeof StartedCall>;

export const NotedCall = z.object({ id: z.string(), notes: z.string().nullable() });
export type NotedCall = z.infer<typeof NotedCall>;

export const Installation = z.object({ account: z.object({ id: z.string(), name: z.string() }) });

/** Parley's error body: `{ error: { code, message, details } }`. */
export const ParleyErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
