/**
 * The bus holds what instances share and what lives only briefly: presence, the answer claim,
 * live events, rate budgets and a small cache. Two implementations keep the same semantics:
 * in-process (one instance, the embedded default) and Redis (N instances behind a load balancer).
 * Every message and cached value travels as JSON on both, so what works in-process works scaled out.
 */
export type PresenceStatus = 'online' | 'busy' | 'offline';

export interface PresenceEntry {
  memberId: string;
  status: PresenceStatus;
  /** Epoch milliseconds on the bus's clock (the Redis server's clock for the Redis bus). */
  expiresAt: number;
}

export interface TokenBucket {
  capacity: number;
  refillPerSecond: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Whole tokens left after this take. */
  remaining: number;
  /** 0 when allowed; otherwise how long until enough tokens have refilled for the same cost. */
  retryAfterMs: number;
}

export type Unsubscribe = () => Promise<void>;

export type MessageHandler = (message: unknown) => void;

/** Called when a subscriber's handler throws; other handlers still receive the message. */
export type HandlerErrorReporter = (error: unknown, channel: string) => void;

export interface Bus {
  readonly kind: 'memory' | 'redis';
  /** Presence with expiry: the dialer heartbeats; a member whose heartbeat stops disappears after ttlMs. Scoped by accountId. */
  setPresence(accountId: string, memberId: string, status: PresenceStatus, ttlMs: number): Promise<void>;
  clearPresence(accountId: string, memberId: string): Promise<void>;
  /** Only unexpired entries, ordered by memberId. */
  listPresence(accountId: string): Promise<PresenceEntry[]>;
  /**
   * Atomic claim: the first caller for a key wins until ttlMs passes or it is released; later callers
   * learn who holds it. Used for "first to answer takes the call" across instances. The current owner
   * claiming again wins again and renews the ttl, so a double click or a renewal is harmless.
   */
  claim(key: string, owner: string, ttlMs: number): Promise<{ won: boolean; owner: string }>;
  /** Only the owner can release; true when this call released the claim. */
  release(key: string, owner: string): Promise<boolean>;
  /** Pub/sub of JSON-serialisable messages. Delivery to every subscriber of the channel on every instance. */
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;
  /** Shared token bucket: N instances taking from the same key together never exceed capacity + refill. cost defaults to 1. */
  take(key: string, bucket: TokenBucket, cost?: number): Promise<TakeResult>;
  /** Small TTL cache of JSON values; undefined means absent or expired. */
  cacheGet<T = unknown>(key: string): Promise<T | undefined>;
  cacheSet(key: string, value: unknown, ttlMs: number): Promise<void>;
  cacheDelete(key: string): Promise<void>;
  /** Throws BusError('unavailable') if unreachable. */
  ping(): Promise<void>;
  /** Stops this instance's subscriptions and connections; any later call throws BusError('unavailable'). */
  close(): Promise<void>;
}
