import { z } from 'zod';
import type { Cursor } from '../core/connector.ts';
import { googleError } from './errors.ts';

/**
 * Where the change feed stands: inside the first full pass (its next `pageToken`), or between and
 * inside incremental passes (the `syncToken` they start from, and a `pageToken` within one). Google
 * wants the same parameters on every page of a pass, so the phase fixes them.
 */
const Position = z.discriminatedUnion('phase', [
  z.strictObject({ phase: z.literal('full'), pageToken: z.string().min(1) }),
  z.strictObject({
    phase: z.literal('sync'),
    syncToken: z.string().min(1),
    pageToken: z.string().min(1).optional(),
  }),
]);
export type Position = z.infer<typeof Position>;

export function encodeCursor(position: Position): Cursor {
  return `g1.${Buffer.from(JSON.stringify(position)).toString('base64url')}`;
}

export function decodeCursor(cursor: Cursor): Position {
  let json: unknown;
  try {
    json = cursor.startsWith('g1.')
      ? JSON.parse(Buffer.from(cursor.slice(3), 'base64url').toString('utf8'))
      : undefined;
  } catch {
    json = undefined;
  }
  const parsed = Position.safeParse(json);
  if (parsed.success) return parsed.data;
  throw googleError(
    'invalid',
    'The stored Google Contacts position is not one Parley wrote; import the contacts again.',
    {
      cause: parsed.error,
    },
  );
}
