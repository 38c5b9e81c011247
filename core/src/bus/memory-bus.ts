import type {
  Bus,
  HandlerErrorReporter,
  MessageHandler,
  PresenceEntry,
  PresenceStatus,
  TakeResult,
  TokenBucket,
  Unsubscribe,
} from './bus.ts';
import { BusError } from './errors.ts';
import { type BucketState, fullAt, takeTokens } from './token-bucket.ts';
import { requireBucket, requireName, requireStatus, requireTtl, toJson } from './validate.ts';

/**
 * What several in-process buses can share, the way several instances share one Redis. Each bus keeps
 * its own subscriptions and closed flag; everything else lives here.
 */
export interface MemoryBusState {
  readonly presence: Map<string, Map<string, { status: PresenceStatus; expiresAt: number }>>;
  readonly claims: Map<string, { owner: string; expiresAt: number }>;
  readonly buckets: Map<string, { state: BucketState; fullAt: number }>;
  readonly cache: Map<string, { json: string; expiresAt: number }>;
  readonly channels: Map<string, Set<Subscription>>;
  lastSweep: number;
}

interface Subscription {
  /** Cleared on unsubscribe so a message already queued for delivery is dropped, matching Redis. */
  active: boolean;
  readonly deliver: (json: string) => void;
}

export interface MemoryBusOptions {
  now?: () => number;
  /** Share state with other in-process buses (tests use this to stand in for a second instance). */
  state?: MemoryBusState;
  onHandlerError?: HandlerErrorReporter;
}

/**
 * Expired entries are dropped when read, and the maps are swept at most this often on writes, so
 * nothing needs a timer and keys nobody reads again do not accumulate.
 */
const SWEEP_EVERY_MS = 30_000;

export function createMemoryBusState(): MemoryBusState {
  return {
    presence: new Map(),
    claims: new Map(),
    buckets: new Map(),
    cache: new Map(),
    channels: new Map(),
    lastSweep: Number.NEGATIVE_INFINITY,
  };
}

export function defaultHandlerErrorReporter(error: unknown, channel: string): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.emitWarning(`A bus subscriber on channel "${channel}" threw: ${detail}`, 'BusHandlerWarning');
}

export function createMemoryBus(options: MemoryBusOptions = {}): Bus {
  const now = options.now ?? Date.now;
  const state = options.state ?? createMemoryBusState();
  const reportError = options.onHandlerError ?? defaultHandlerErrorReporter;
  const own = new Map<Subscription, string>();
  let closed = false;

  function open(): void {
    if (closed) throw new BusError('unavailable', 'The in-process bus is closed: create a new one.');
  }

  function sweep(at: number): void {
    if (at - state.lastSweep < SWEEP_EVERY_MS) return;
    state.lastSweep = at;
    for (const [accountId, members] of state.presence) {
      for (const [memberId, entry] of members) if (entry.expiresAt <= at) members.delete(memberId);
      if (members.size === 0) state.presence.delete(accountId);
    }
    for (const [key, claim] of state.claims) if (claim.expiresAt <= at) state.claims.delete(key);
    for (const [key, entry] of state.cache) if (entry.expiresAt <= at) state.cache.delete(key);
    for (const [key, bucket] of state.buckets) if (bucket.fullAt <= at) state.buckets.delete(key);
  }

  function liveClaim(key: string, at: number): { owner: string; expiresAt: number } | undefined {
    const claim = state.claims.get(key);
    if (claim && claim.expiresAt <= at) {
      state.claims.delete(key);
      return undefined;
    }
    return claim;
  }

  function removeSubscription(channel: string, subscription: Subscription): void {
    subscription.active = false;
    own.delete(subscription);
    const subscribers = state.channels.get(channel);
    subscribers?.delete(subscription);
    if (subscribers?.size === 0) state.channels.delete(channel);
  }

  return {
    kind: 'memory',

    async setPresence(accountId, memberId, status, ttlMs) {
      open();
      requireName('accountId', accountId);
      requireName('memberId', memberId);
      requireStatus(status);
      const ttl = requireTtl(ttlMs);
      const at = now();
      sweep(at);
      let members = state.presence.get(accountId);
      if (!members) {
        members = new Map();
        state.presence.set(accountId, members);
      }
      members.set(memberId, { status, expiresAt: at + ttl });
    },

    async clearPresence(accountId, memberId) {
      open();
      requireName('accountId', accountId);
      requireName('memberId', memberId);
      const members = state.presence.get(accountId);
      members?.delete(memberId);
      if (members?.size === 0) state.presence.delete(accountId);
    },

    async listPresence(accountId) {
      open();
      requireName('accountId', accountId);
      const members = state.presence.get(accountId);
      if (!members) return [];
      const at = now();
      const entries: PresenceEntry[] = [];
      for (const [memberId, entry] of members) {
        if (entry.expiresAt <= at) members.delete(memberId);
        else entries.push({ memberId, status: entry.status, expiresAt: entry.expiresAt });
      }
      if (members.size === 0) state.presence.delete(accountId);
      return entries.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
    },

    async claim(key, owner, ttlMs) {
      open();
      requireName('claim key', key);
      requireName('claim owner', owner);
      const ttl = requireTtl(ttlMs);
      const at = now();
      sweep(at);
      const current = liveClaim(key, at);
      if (current && current.owner !== owner) return { won: false, owner: current.owner };
      state.claims.set(key, { owner, expiresAt: at + ttl });
      return { won: true, owner };
    },

    async release(key, owner) {
      open();
      requireName('claim key', key);
      requireName('claim owner', owner);
      if (liveClaim(key, now())?.owner !== owner) return false;
      state.claims.delete(key);
      return true;
    },

    async publish(channel, message) {
      open();
      requireName('channel', channel);
      const json = toJson('A published message', message);
      // Delivered after publish returns, as Redis does, so callers cannot come to rely on re-entrancy.
      for (const subscription of state.channels.get(channel) ?? []) {
        queueMicrotask(() => subscription.deliver(json));
      }
    },

    async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
      open();
      requireName('channel', channel);
      const subscription: Subscription = {
        active: true,
        deliver(json) {
          if (!subscription.active) return;
          try {
            handler(JSON.parse(json));
          } catch (error) {
            reportError(error, channel);
          }
        },
      };
      let subscribers = state.channels.get(channel);
      if (!subscribers) {
        subscribers = new Set();
        state.channels.set(channel, subscribers);
      }
      subscribers.add(subscription);
      own.set(subscription, channel);
      return async () => removeSubscription(channel, subscription);
    },

    async take(key: string, bucket: TokenBucket, cost = 1): Promise<TakeResult> {
      open();
      requireName('bucket key', key);
      requireBucket(bucket, cost);
      const at = now();
      sweep(at);
      const taken = takeTokens(state.buckets.get(key)?.state, bucket, cost, at);
      state.buckets.set(key, { state: taken.state, fullAt: fullAt(taken.state, bucket) });
      return taken.result;
    },

    async cacheGet<T = unknown>(key: string): Promise<T | undefined> {
      open();
      requireName('cache key', key);
      const entry = state.cache.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        state.cache.delete(key);
        return undefined;
      }
      // Parsed afresh on every read so callers cannot mutate the cached value, as with Redis.
      return JSON.parse(entry.json) as T;
    },

    async cacheSet(key, value, ttlMs) {
      open();
      requireName('cache key', key);
      const json = toJson('A cached value', value);
      const ttl = requireTtl(ttlMs);
      const at = now();
      sweep(at);
      state.cache.set(key, { json, expiresAt: at + ttl });
    },

    async cacheDelete(key) {
      open();
      requireName('cache key', key);
      state.cache.delete(key);
    },

    async ping() {
      open();
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const [subscription, channel] of own) removeSubscription(channel, subscription);
    },
  };
}
