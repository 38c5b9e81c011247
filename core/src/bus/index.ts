import type { Bus } from './bus.ts';
import { createMemoryBus } from './memory-bus.ts';
import { createRedisBus } from './redis-bus.ts';

export type {
  Bus,
  HandlerErrorReporter,
  MessageHandler,
  PresenceEntry,
  PresenceStatus,
  TakeResult,
  TokenBucket,
  Unsubscribe,
} from './bus.ts';
export { BusError, type BusErrorKind, isBusError } from './errors.ts';

/**
 * Redis when REDIS_URL is set (instances share presence, claims, budgets and events), otherwise the
 * in-process bus of a single embedded instance. A set but unreachable REDIS_URL is an error, never a
 * silent fall back to memory: instances would stop seeing each other.
 */
export async function createBus(env: { REDIS_URL?: string }): Promise<Bus> {
  const url = env.REDIS_URL?.trim();
  return url ? createRedisBus({ url }) : createMemoryBus();
}
