import { ClientClosedError, createClient, ErrorReply } from 'redis';
import { z } from 'zod';
import type {
  Bus,
  HandlerErrorReporter,
  MessageHandler,
  PresenceEntry,
  TokenBucket,
  Unsubscribe,
} from './bus.ts';
import { BusError } from './errors.ts';
import { defaultHandlerErrorReporter } from './memory-bus.ts';
import { CLAIM, LIST_PRESENCE, RELEASE, SET_PRESENCE, TAKE } from './redis-scripts.ts';
import { describeRedisUrl } from './redis-url.ts';
import { requireBucket, requireName, requireStatus, requireTtl, toJson } from './validate.ts';

export interface RedisBusOptions {
  url: string;
  /** Every key and channel starts with this, so several deployments or test runs can share one Redis. */
  keyPrefix?: string;
  onHandlerError?: HandlerErrorReporter;
}

/** Short enough that a dead or wedged Redis surfaces as an error within seconds, not a hang. */
const CONNECT_TIMEOUT_MS = 3_000;
const COMMAND_TIMEOUT_MS = 3_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

const claimReply = z.tuple([z.number(), z.string()]);
const releaseReply = z.number();
const presenceReply = z.array(z.string());
const presenceStatus = z.enum(['online', 'busy', 'offline']);
const takeReply = z.tuple([z.number(), z.number(), z.number()]);

export async function createRedisBus(options: RedisBusOptions): Promise<Bus> {
  const where = describeRedisUrl(options.url);
  const prefix = requireName('keyPrefix', options.keyPrefix ?? 'parley:');
  const reportError = options.onHandlerError ?? defaultHandlerErrorReporter;
  // Before both clients are up, a refused connection fails createRedisBus at once; afterwards the
  // clients keep reconnecting with backoff, and calls fail fast meanwhile (no offline queue).
  let established = false;
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries, cause) =>
        established ? Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : cause,
    },
  });
  const subscriber = client.duplicate();
  // Without listeners node-redis would crash the process on a socket error; failures reach callers
  // through the commands they make instead.
  client.on('error', () => {});
  subscriber.on('error', () => {});

  let closed = false;

  function toBusError(action: string, error: unknown): BusError {
    if (error instanceof BusError) return error;
    if (closed || error instanceof ClientClosedError) {
      return new BusError('unavailable', 'The Redis bus is closed: create a new one.', { cause: error });
    }
    if (error instanceof ErrorReply) {
      return new BusError('unavailable', `Redis at ${where} refused to ${action}: ${error.message}`, {
        cause: error,
      });
    }
    const reason = error instanceof Error ? error.message : String(error);
    return new BusError(
      'unavailable',
      `Redis at ${where} is not answering (${reason}): start it or unset REDIS_URL to use the in-process bus`,
      { cause: error },
    );
  }

  async function run<T>(action: string, command: () => Promise<T>): Promise<T> {
    if (closed) throw toBusError(action, undefined);
    try {
      return await command();
    } catch (error) {
      throw toBusError(action, error);
    }
  }

  async function script(action: string, source: string, key: string, args: readonly string[]) {
    return run(action, () => client.eval(source, { keys: [key], arguments: [...args] }));
  }

  try {
    await Promise.all([client.connect(), subscriber.connect()]);
  } catch (error) {
    for (const c of [client, subscriber]) if (c.isOpen) c.destroy();
    throw toBusError('connect', error);
  }
  established = true;

  const key = (namespace: string, name: string) => `${prefix}${namespace}:${name}`;

  return {
    kind: 'redis',

    async setPresence(accountId, memberId, status, ttlMs) {
      requireName('memberId', memberId);
      requireStatus(status);
      const ttl = requireTtl(ttlMs);
      await script('set presence', SET_PRESENCE, key('presence', requireName('accountId', accountId)), [
        memberId,
        status,
        String(ttl),
      ]);
    },

    async clearPresence(accountId, memberId) {
      requireName('memberId', memberId);
      await run('clear presence', () =>
        client.hDel(key('presence', requireName('accountId', accountId)), memberId),
      );
    },

    async listPresence(accountId) {
      const flat = presenceReply.parse(
        await script(
          'list presence',
          LIST_PRESENCE,
          key('presence', requireName('accountId', accountId)),
          [],
        ),
      );
      const entries: PresenceEntry[] = [];
      for (let i = 0; i + 2 < flat.length; i += 3) {
        entries.push({
          memberId: flat[i]!,
          status: presenceStatus.parse(flat[i + 1]),
          expiresAt: Number(flat[i + 2]),
        });
      }
      return entries.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
    },

    async claim(name, owner, ttlMs) {
      requireName('claim owner', owner);
      const ttl = requireTtl(ttlMs);
      const [won, holder] = claimReply.parse(
        await script('claim', CLAIM, key('claim', requireName('claim key', name)), [owner, String(ttl)]),
      );
      return { won: won === 1, owner: holder };
    },

    async release(name, owner) {
      requireName('claim owner', owner);
      const released = releaseReply.parse(
        await script('release', RELEASE, key('claim', requireName('claim key', name)), [owner]),
      );
      return released === 1;
    },

    async publish(channel, message) {
      const json = toJson('A published message', message);
      await run('publish', () => client.publish(key('channel', requireName('channel', channel)), json));
    },

    async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
      const name = key('channel', requireName('channel', channel));
      // One listener per subscription, so unsubscribing one handler leaves any other (even the
      // same function subscribed twice) in place.
      const listener = (json: string) => {
        try {
          handler(JSON.parse(json));
        } catch (error) {
          reportError(error, channel);
        }
      };
      await run('subscribe', () => subscriber.subscribe(name, listener));
      let subscribed = true;
      return async () => {
        if (!subscribed || closed) return;
        subscribed = false;
        await run('unsubscribe', () => subscriber.unsubscribe(name, listener));
      };
    },

    async take(name: string, bucket: TokenBucket, cost = 1) {
      requireBucket(bucket, cost);
      const [allowed, remaining, retryAfterMs] = takeReply.parse(
        await script('take from a token bucket', TAKE, key('bucket', requireName('bucket key', name)), [
          String(bucket.capacity),
          String(bucket.refillPerSecond),
          String(cost),
        ]),
      );
      return { allowed: allowed === 1, remaining, retryAfterMs };
    },

    async cacheGet<T = unknown>(name: string): Promise<T | undefined> {
      const json = await run('read the cache', () =>
        client.get(key('cache', requireName('cache key', name))),
      );
      return json === null ? undefined : (JSON.parse(json) as T);
    },

    async cacheSet(name, value, ttlMs) {
      const json = toJson('A cached value', value);
      const ttl = requireTtl(ttlMs);
      await run('write the cache', () =>
        client.set(key('cache', requireName('cache key', name)), json, {
          expiration: { type: 'PX', value: ttl },
        }),
      );
    },

    async cacheDelete(name) {
      await run('delete from the cache', () => client.del(key('cache', requireName('cache key', name))));
    },

    async ping() {
      await run('answer a ping', () => client.ping());
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(
        [client, subscriber].map(async (c) => {
          try {
            await c.close();
          } catch {
            // A client that cannot close gracefully (Redis already gone) is torn down instead.
            if (c.isOpen) c.destroy();
          }
        }),
      );
    },
  };
}
