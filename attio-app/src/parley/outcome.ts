/**
 * What a server function hands back to the browser. Server functions never throw at their
 * callers: a widget must not throw while rendering, so every failure arrives as a problem to show.
 */
export interface Problem {
  /** Parley's error code (`member_not_found`, `phone_required`…) or one of this app's own. */
  code: string;
  /** A sentence the Attio user can act on. */
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const succeeded = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failed = <T>(code: string, message: string): Outcome<T> => ({
  ok: false,
  problem: { code, message },
});
