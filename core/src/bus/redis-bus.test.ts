import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { runBusSuite } from './bus.suite.ts';
import type { Bus } from './bus.ts';
import { BusError } from './errors.ts';
import { createRedisBus } from './redis-bus.ts';

const url = process.env.REDIS_URL;

if (!url && process.env.CI) {
  throw new Error('REDIS_URL must be set in CI: the Redis bus suite cannot be skipped there');
}
if (!url) {
  console.warn('Skipping the Redis bus suite: set REDIS_URL (e.g. redis://127.0.0.1:6379) to run it');
}

/** Deletes every key under the prefix, so runs sharing one Redis leave nothing behind. */
async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) {
      if (keys.length > 0) await client.del(keys);
    }
  } finally {
    await client.close();
  }
}

async function fixtureFor(redisUrl: string) {
  const keyPrefix = `parley:test:${randomUUID()}:`;
  const buses: Bus[] = [await createRedisBus({ url: redisUrl, keyPrefix })];
  return {
    keyPrefix,
    bus: buses[0]!,
    second: async () => {
      const bus = await createRedisBus({ url: redisUrl, keyPrefix });
      buses.push(bus);
      return bus;
    },
    cleanup: async () => {
      await Promise.all(buses.map((bus) => bus.close()));
      await deleteKeys(redisUrl, keyPrefix);
    },
  };
}

/** A TCP relay to Redis that the test can cut, to see how the bus behaves when Redis goes away. */
async function relayTo(redisUrl: string) {
  const target = new URL(redisUrl);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port || 6379), target.hostname);
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const relayed = new URL(redisUrl);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(port);
  return {
    url: relayed.href,
    cut: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(!url)('redis bus', () => {
  const redisUrl = url ?? '';

  runBusSuite('redis', () => fixtureFor(redisUrl));

  it('keeps every key and channel under its prefix', async () => {
    const fixture = await fixtureFor(redisUrl);
    const { bus, keyPrefix } = fixture;
    const inspector = createClient({ url: redisUrl });
    await inspector.connect();
    try {
      await bus.setPresence('acc', 'ann', 'online', 60_000);
      await bus.claim('call', 'ann', 60_000);
      await bus.take('budget', { capacity: 5, refillPerSecond: 1 });
      await bus.cacheSet('thing', 1, 60_000);
      await bus.subscribe('events', () => {});
      const keys: string[] = [];
      for await (const batch of inspector.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 100 })) {
        keys.push(...batch);
      }
      expect(keys.sort()).toEqual(
        ['bucket:budget', 'cache:thing', 'claim:call', 'presence:acc'].map((k) => keyPrefix + k),
      );
      expect(await inspector.pubSubChannels(`${keyPrefix}*`)).toEqual([`${keyPrefix}channel:events`]);
    } finally {
      await inspector.close();
      await fixture.cleanup();
    }
  });

  it('cleanup leaves no key behind', async () => {
    const fixture = await fixtureFor(redisUrl);
    await fixture.bus.cacheSet('thing', 1, 60_000);
    await fixture.cleanup();
    const inspector = createClient({ url: redisUrl });
    await inspector.connect();
    try {
      const keys: string[] = [];
      for await (const batch of inspector.scanIterator({ MATCH: `${fixture.keyPrefix}*` }))
        keys.push(...batch);
      expect(keys).toEqual([]);
    } finally {
      await inspector.close();
    }
  });

  it('a dead Redis URL fails fast with an unavailable error saying what to do', async () => {
    const started = Date.now();
    const error = await createRedisBus({ url: 'redis://:hunter2@127.0.0.1:6390' }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(BusError);
    expect(error).toMatchObject({ kind: 'unavailable' });
    const { message } = error as BusError;
    expect(message).toContain('redis://:***@127.0.0.1:6390');
    expect(message).toContain('unset REDIS_URL');
    expect(message).not.toContain('hunter2');
  });

  it('ping rejects as unavailable within seconds once Redis stops answering', async () => {
    const relay = await relayTo(redisUrl);
    const bus = await createRedisBus({ url: relay.url, keyPrefix: `parley:test:${randomUUID()}:` });
    try {
      await bus.ping();
      await relay.cut();
      const started = Date.now();
      await expect(bus.ping()).rejects.toMatchObject({ kind: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await bus.close();
    }
  });

  it('a throwing handler is reported and the others still receive the message', async () => {
    const keyPrefix = `parley:test:${randomUUID()}:`;
    const reported: Array<[unknown, string]> = [];
    const bus = await createRedisBus({
      url: redisUrl,
      keyPrefix,
      onHandlerError: (error, channel) => reported.push([error, channel]),
    });
    try {
      const got: unknown[] = [];
      await bus.subscribe('calls', () => {
        throw new Error('boom');
      });
      await bus.subscribe('calls', (m) => got.push(m));
      await bus.publish('calls', 'hello');
      const deadline = Date.now() + 3_000;
      while (got.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(got).toEqual(['hello']);
      expect(reported).toEqual([[new Error('boom'), 'calls']]);
    } finally {
      await bus.close();
    }
  });
});

describe('createRedisBus arguments', () => {
  it('refuses a URL that is not a Redis URL as invalid before connecting', async () => {
    await expect(createRedisBus({ url: 'http://127.0.0.1:6379' })).rejects.toMatchObject({ kind: 'invalid' });
  });
});
