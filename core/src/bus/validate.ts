import type { PresenceStatus, TokenBucket } from './bus.ts';
import { BusError } from './errors.ts';

/**
 * Argument checks shared by both implementations, so a mistake fails the same way in-process as on
 * Redis instead of surfacing only once the team scales out.
 */
const PRESENCE_STATUSES: readonly PresenceStatus[] = ['online', 'busy', 'offline'];

export function requireName(what: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new BusError('invalid', `${what} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Whole milliseconds, rounded up so a ttl never ends earlier than asked. */
export function requireTtl(ttlMs: number): number {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new BusError('invalid', `ttlMs must be a positive number of milliseconds, got ${String(ttlMs)}`);
  }
  return Math.ceil(ttlMs);
}

export function requireStatus(status: PresenceStatus): PresenceStatus {
  if (!PRESENCE_STATUSES.includes(status)) {
    throw new BusError(
      'invalid',
      `presence status must be one of ${PRESENCE_STATUSES.join(', ')}, got ${JSON.stringify(status)}`,
    );
  }
  return status;
}

export function requireBucket(bucket: TokenBucket, cost: number): void {
  const { capacity, refillPerSecond } = bucket;
  if (!Number.isFinite(capacity) || capacity <= 0) {
    throw new BusError('invalid', `token bucket capacity must be a positive number, got ${String(capacity)}`);
  }
  if (!Number.isFinite(refillPerSecond) || refillPerSecond <= 0) {
    throw new BusError(
      'invalid',
      `token bucket refillPerSecond must be a positive number, got ${String(refillPerSecond)}`,
    );
  }
  if (!Number.isFinite(cost) || cost <= 0) {
    throw new BusError('invalid', `take cost must be a positive number, got ${String(cost)}`);
  }
  if (cost > capacity) {
    throw new BusError(
      'invalid',
      `take cost ${cost} exceeds the bucket capacity ${capacity}, so it could never be allowed: raise the capacity or lower the cost`,
    );
  }
}

/** JSON text of a value, or an `invalid` error naming what could not be serialised. */
export function toJson(what: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new BusError('invalid', `${what} must be JSON-serialisable: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (json === undefined) {
    throw new BusError('invalid', `${what} must be JSON-serialisable, got ${typeof value}`);
  }
  return json;
}
