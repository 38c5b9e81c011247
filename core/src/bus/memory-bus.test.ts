import { describe, expect, it } from 'vitest';
import { runBusSuite } from './bus.suite.ts';
import type { Bus } from './bus.ts';
import { createMemoryBus, createMemoryBusState } from './memory-bus.ts';

runBusSuite('memory', async () => {
  const state = createMemoryBusState();
  const buses: Bus[] = [createMemoryBus({ state })];
  return {
    bus: buses[0]!,
    second: async () => {
      const bus = createMemoryBus({ state });
      buses.push(bus);
      return bus;
    },
    cleanup: async () => {
      await Promise.all(buses.map((bus) => bus.close()));
    },
  };
});

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('memory bus on an injected clock', () => {
  it('keeps presence until exactly ttlMs has passed', async () => {
    const time = clock();
    const bus = createMemoryBus({ now: time.now });
    await bus.setPresence('acc', 'ann', 'online', 1_000);
    expect(await bus.listPresence('acc')).toEqual([
      { memberId: 'ann', status: 'online', expiresAt: 1_001_000 },
    ]);
    time.advance(999);
    expect(await bus.listPresence('acc')).toHaveLength(1);
    time.advance(1);
    expect(await bus.listPresence('acc')).toEqual([]);
  });

  it('refills tokens at refillPerSecond and reports the exact wait', async () => {
    const time = clock();
    const bus = createMemoryBus({ now: time.now });
    const bucket = { capacity: 2, refillPerSecond: 4 };
    await bus.take('k', bucket);
    await bus.take('k', bucket);
    expect(await bus.take('k', bucket)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 250 });
    time.advance(100);
    expect(await bus.take('k', bucket)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 150 });
    time.advance(150);
    expect(await bus.take('k', bucket)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it('forgets expired entries nobody reads again once the sweep interval has passed', async () => {
    const time = clock();
    const state = createMemoryBusState();
    const bus = createMemoryBus({ now: time.now, state });
    await bus.cacheSet('old', 1, 1_000);
    await bus.claim('old-call', 'ann', 1_000);
    await bus.setPresence('acc', 'ann', 'online', 1_000);
    await bus.take('old-bucket', { capacity: 1, refillPerSecond: 1 });
    time.advance(60_000);
    await bus.cacheSet('new', 2, 1_000);
    expect([...state.cache.keys()]).toEqual(['new']);
    expect(state.claims.size).toBe(0);
    expect(state.presence.size).toBe(0);
    expect(state.buckets.size).toBe(0);
  });
});

describe('memory bus subscribers', () => {
  it('a throwing handler is reported and the others still receive the message', async () => {
    const reported: Array<[unknown, string]> = [];
    const bus = createMemoryBus({ onHandlerError: (error, channel) => reported.push([error, channel]) });
    const got: unknown[] = [];
    await bus.subscribe('calls', () => {
      throw new Error('boom');
    });
    await bus.subscribe('calls', (m) => got.push(m));
    await bus.publish('calls', 'hello');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(got).toEqual(['hello']);
    expect(reported).toEqual([[new Error('boom'), 'calls']]);
  });

  it('does not deliver a message queued before the handler unsubscribed', async () => {
    const bus = createMemoryBus();
    const got: unknown[] = [];
    const unsubscribe = await bus.subscribe('calls', (m) => got.push(m));
    const publishing = bus.publish('calls', 1);
    await unsubscribe();
    await publishing;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(got).toEqual([]);
  });
});
