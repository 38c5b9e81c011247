export type StoreErrorKind = 'unavailable' | 'conflict' | 'invalid' | 'internal';

/** The store layer's one error type; `constraint` names the violated constraint for conflicts. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly detail: { code?: string; constraint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: detail.cause });
  }
}

interface PgLikeError {
  code?: string;
  constraint?: string;
  message?: string;
  detail?: string;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', '57P01', '57P03']);

/** Maps a pg or PGlite error (both carry SQLSTATE in `code`) to a StoreError. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as PgLikeError;
  const code = e.code;
  const base = {
    cause: error,
    ...(code ? { code } : {}),
    ...(e.constraint ? { constraint: e.constraint } : {}),
  };
  if (code === '23505')
    return new StoreError('conflict', e.detail ?? 'A record with these values already exists', base);
  if (code && /^(23|22)/.test(code))
    return new StoreError('invalid', e.message ?? 'Invalid data for the store', base);
  if (code && (CONNECTION_CODES.has(code) || code.startsWith('08')))
    return new StoreError('unavailable', `The database is not answering (${code}): check DATABASE_URL`, base);
  return new StoreError('internal', e.message ?? String(error), base);
}
