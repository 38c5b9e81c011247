import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bus, PresenceEntry } from './bus.ts';
import { BusError } from './errors.ts';

/**
 * The behaviour every Bus must show, run against each implementation. `second` opens another bus on
 * the same backend, standing in for a second instance of the server; `cleanup` closes both and
 * removes whatever the test left behind.
 */
export interface BusFixture {
  bus: Bus;
  second: () => Promise<Bus>;
  cleanup: () => Promise<void>;
}

export interface SkipRule {
  reason: string;
  tests: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

const statuses = (entries: PresenceEntry[]) => entries.map(({ memberId, status }) => ({ memberId, status }));

/** A bucket that refills so slowly no token comes back while a test runs. */
const NO_REFILL = { capacity: 5, refillPerSecond: 0.001 };

export function runBusSuite(name: string, make: () => Promise<BusFixture>, skip: SkipRule[] = []): void {
  let fixture: BusFixture;
  let bus: Bus;

  const tests: Record<string, () => Promise<void>> = {
    'lists the presence it was given with an expiry ttlMs ahead': async () => {
      const before = Date.now();
      await bus.setPresence('acc-1', 'ann', 'online', 60_000);
      await bus.setPresence('acc-1', 'bob', 'busy', 60_000);
      const entries = await bus.listPresence('acc-1');
      expect(statuses(entries)).toEqual([
        { memberId: 'ann', status: 'online' },
        { memberId: 'bob', status: 'busy' },
      ]);
      // The Redis bus uses the server's clock; a couple of seconds of margin covers clock skew.
      for (const entry of entries) {
        expect(entry.expiresAt).toBeGreaterThan(before + 58_000);
        expect(entry.expiresAt).toBeLessThan(Date.now() + 62_000);
      }
    },

    'a later heartbeat overwrites the status and extends the expiry': async () => {
      await bus.setPresence('acc-1', 'ann', 'online', 300);
      const [first] = await bus.listPresence('acc-1');
      await sleep(200);
      await bus.setPresence('acc-1', 'ann', 'busy', 2_000);
      await sleep(400);
      const entries = await bus.listPresence('acc-1');
      expect(statuses(entries)).toEqual([{ memberId: 'ann', status: 'busy' }]);
      expect(entries[0]!.expiresAt).toBeGreaterThan(first!.expiresAt);
    },

    'presence disappears once its heartbeat stops for ttlMs': async () => {
      await bus.setPresence('acc-1', 'ann', 'online', 150);
      await bus.setPresence('acc-1', 'bob', 'online', 60_000);
      expect(statuses(await bus.listPresence('acc-1'))).toHaveLength(2);
      await sleep(400);
      expect(statuses(await bus.listPresence('acc-1'))).toEqual([{ memberId: 'bob', status: 'online' }]);
    },

    'clearing presence removes only that member': async () => {
      await bus.setPresence('acc-1', 'ann', 'online', 60_000);
      await bus.setPresence('acc-1', 'bob', 'online', 60_000);
      await bus.clearPresence('acc-1', 'ann');
      await bus.clearPresence('acc-1', 'nobody');
      expect(statuses(await bus.listPresence('acc-1'))).toEqual([{ memberId: 'bob', status: 'online' }]);
    },

    'presence of one account is invisible to another': async () => {
      await bus.setPresence('acc-1', 'ann', 'online', 60_000);
      await bus.setPresence('acc-2', 'ann', 'busy', 60_000);
      expect(statuses(await bus.listPresence('acc-1'))).toEqual([{ memberId: 'ann', status: 'online' }]);
      expect(statuses(await bus.listPresence('acc-2'))).toEqual([{ memberId: 'ann', status: 'busy' }]);
      expect(await bus.listPresence('acc-3')).toEqual([]);
    },

    'presence set on one instance is listed on another': async () => {
      const other = await fixture.second();
      await bus.setPresence('acc-1', 'ann', 'online', 60_000);
      expect(statuses(await other.listPresence('acc-1'))).toEqual([{ memberId: 'ann', status: 'online' }]);
    },

    'the first claim wins and a later claimant learns the owner': async () => {
      expect(await bus.claim('call-1', 'ann', 60_000)).toEqual({ won: true, owner: 'ann' });
      expect(await bus.claim('call-1', 'bob', 60_000)).toEqual({ won: false, owner: 'ann' });
      expect(await bus.claim('call-2', 'bob', 60_000)).toEqual({ won: true, owner: 'bob' });
    },

    'the owner claiming again still holds the claim': async () => {
      await bus.claim('call-1', 'ann', 60_000);
      expect(await bus.claim('call-1', 'ann', 60_000)).toEqual({ won: true, owner: 'ann' });
      expect(await bus.claim('call-1', 'bob', 60_000)).toEqual({ won: false, owner: 'ann' });
    },

    'only the owner can release a claim': async () => {
      await bus.claim('call-1', 'ann', 60_000);
      expect(await bus.release('call-1', 'bob')).toBe(false);
      expect(await bus.claim('call-1', 'bob', 60_000)).toEqual({ won: false, owner: 'ann' });
      expect(await bus.release('call-1', 'ann')).toBe(true);
      expect(await bus.release('call-1', 'ann')).toBe(false);
      expect(await bus.claim('call-1', 'bob', 60_000)).toEqual({ won: true, owner: 'bob' });
    },

    'a claim can be won by someone else once its ttl has passed': async () => {
      await bus.claim('call-1', 'ann', 150);
      await sleep(400);
      expect(await bus.claim('call-1', 'bob', 60_000)).toEqual({ won: true, owner: 'bob' });
      expect(await bus.release('call-1', 'ann')).toBe(false);
    },

    'exactly one of 200 concurrent claims across two instances wins': async () => {
      const other = await fixture.second();
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 ? bus : other).claim('call-race', `member-${i}`, 60_000),
        ),
      );
      const winners = results.filter((r) => r.won);
      expect(winners).toHaveLength(1);
      const owner = winners[0]!.owner;
      expect(results.every((r) => r.owner === owner)).toBe(true);
    },

    'a message reaches every subscriber on every instance': async () => {
      const other = await fixture.second();
      const got: Record<string, unknown[]> = { a: [], b: [], c: [] };
      await bus.subscribe('calls', (m) => got.a!.push(m));
      await bus.subscribe('calls', (m) => got.b!.push(m));
      await other.subscribe('calls', (m) => got.c!.push(m));
      const message = { type: 'ringing', callId: 'c1', at: 12.5, to: ['ann', null], ok: true };
      await other.publish('calls', message);
      await waitFor('delivery to all three', () => Object.values(got).every((list) => list.length > 0));
      await sleep(100);
      expect(got).toEqual({ a: [message], b: [message], c: [message] });
    },

    'messages arrive in the order they were published': async () => {
      const got: unknown[] = [];
      await bus.subscribe('calls', (m) => got.push(m));
      for (let i = 0; i < 20; i++) await bus.publish('calls', i);
      await waitFor('all twenty messages', () => got.length === 20);
      expect(got).toEqual(Array.from({ length: 20 }, (_, i) => i));
    },

    'unsubscribing stops delivery to that handler only': async () => {
      const other = await fixture.second();
      const stopped: unknown[] = [];
      const kept: unknown[] = [];
      const unsubscribe = await bus.subscribe('calls', (m) => stopped.push(m));
      await bus.subscribe('calls', (m) => kept.push(m));
      await unsubscribe();
      await unsubscribe();
      await other.publish('calls', 'after');
      await waitFor('delivery to the remaining handler', () => kept.length === 1);
      await sleep(100);
      expect(stopped).toEqual([]);
      expect(kept).toEqual(['after']);
    },

    'a message is delivered only on its own channel': async () => {
      const onA: unknown[] = [];
      const onB: unknown[] = [];
      await bus.subscribe('a', (m) => onA.push(m));
      await bus.subscribe('b', (m) => onB.push(m));
      await bus.publish('a', 'for a');
      await bus.publish('b', 'for b');
      await waitFor('both channels', () => onA.length > 0 && onB.length > 0);
      await sleep(100);
      expect(onA).toEqual(['for a']);
      expect(onB).toEqual(['for b']);
    },

    'publishing to a channel nobody listens on succeeds': async () => {
      await expect(bus.publish('empty', { a: 1 })).resolves.toBeUndefined();
    },

    'a message that is not JSON-serialisable is refused as invalid': async () => {
      await expect(bus.publish('calls', undefined)).rejects.toMatchObject({ kind: 'invalid' });
      await expect(bus.publish('calls', 10n)).rejects.toMatchObject({ kind: 'invalid' });
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await expect(bus.publish('calls', cyclic)).rejects.toBeInstanceOf(BusError);
    },

    'a burst takes at most the capacity': async () => {
      const results = [];
      for (let i = 0; i < 8; i++) results.push(await bus.take('rl', NO_REFILL));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false, false, false]);
      expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0, 0]);
      expect(results.slice(0, 5).every((r) => r.retryAfterMs === 0)).toBe(true);
    },

    'a refused take says how long to wait, and waiting that long is enough': async () => {
      const bucket = { capacity: 2, refillPerSecond: 10 };
      await bus.take('rl', bucket);
      await bus.take('rl', bucket);
      const refused = await bus.take('rl', bucket);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(100);
      await sleep(refused.retryAfterMs + 100);
      expect((await bus.take('rl', bucket)).allowed).toBe(true);
    },

    'tokens refill over time up to the capacity': async () => {
      const bucket = { capacity: 3, refillPerSecond: 5 };
      for (let i = 0; i < 3; i++) expect((await bus.take('rl', bucket)).allowed).toBe(true);
      expect((await bus.take('rl', bucket)).allowed).toBe(false);
      await sleep(500);
      expect((await bus.take('rl', bucket)).allowed).toBe(true);
      expect((await bus.take('rl', bucket)).allowed).toBe(true);
      await sleep(1_000);
      const after = await bus.take('rl', bucket);
      expect(after.allowed).toBe(true);
      expect(after.remaining).toBeLessThanOrEqual(2);
    },

    'a take costing several tokens is refused whole without spending any': async () => {
      expect(await bus.take('rl', NO_REFILL, 3)).toMatchObject({ allowed: true, remaining: 2 });
      const refused = await bus.take('rl', NO_REFILL, 3);
      expect(refused).toMatchObject({ allowed: false, remaining: 2 });
      expect(refused.retryAfterMs).toBeGreaterThan(900_000);
      expect(await bus.take('rl', NO_REFILL, 2)).toMatchObject({ allowed: true, remaining: 0 });
    },

    'two instances taking from one key share its budget': async () => {
      const other = await fixture.second();
      const bucket = { capacity: 10, refillPerSecond: 0.001 };
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? bus : other).take('shared', bucket)),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      expect((await bus.take('other-key', bucket)).allowed).toBe(true);
    },

    'a bucket that could never allow the take is refused as invalid': async () => {
      await expect(bus.take('rl', NO_REFILL, 6)).rejects.toMatchObject({ kind: 'invalid' });
      await expect(bus.take('rl', { capacity: 0, refillPerSecond: 1 })).rejects.toMatchObject({
        kind: 'invalid',
      });
      await expect(bus.take('rl', { capacity: 1, refillPerSecond: 0 })).rejects.toMatchObject({
        kind: 'invalid',
      });
      await expect(bus.take('rl', NO_REFILL, -1)).rejects.toMatchObject({ kind: 'invalid' });
    },

    'cached JSON values come back equal and absent keys come back undefined': async () => {
      const value = { name: 'Ann', tags: ['vip', 1, null], nested: { ok: false, n: -2.5 } };
      await bus.cacheSet('contact', value, 60_000);
      await bus.cacheSet('nothing', null, 60_000);
      await bus.cacheSet('text', 'hello', 60_000);
      expect(await bus.cacheGet('contact')).toEqual(value);
      expect(await bus.cacheGet('nothing')).toBeNull();
      expect(await bus.cacheGet<string>('text')).toBe('hello');
      expect(await bus.cacheGet('missing')).toBeUndefined();
    },

    'a cached value is a copy the caller cannot change in the cache': async () => {
      await bus.cacheSet('k', { count: 1 }, 60_000);
      const first = await bus.cacheGet<{ count: number }>('k');
      first!.count = 99;
      expect(await bus.cacheGet('k')).toEqual({ count: 1 });
    },

    'a cached value expires after its ttl': async () => {
      await bus.cacheSet('short', 1, 150);
      await bus.cacheSet('long', 2, 60_000);
      expect(await bus.cacheGet('short')).toBe(1);
      await sleep(400);
      expect(await bus.cacheGet('short')).toBeUndefined();
      expect(await bus.cacheGet('long')).toBe(2);
    },

    'setting again overwrites and deleting removes a cached value': async () => {
      await bus.cacheSet('k', 'old', 60_000);
      await bus.cacheSet('k', 'new', 60_000);
      expect(await bus.cacheGet('k')).toBe('new');
      await bus.cacheDelete('k');
      await bus.cacheDelete('never-set');
      expect(await bus.cacheGet('k')).toBeUndefined();
    },

    'a value cached on one instance is read on another': async () => {
      const other = await fixture.second();
      await bus.cacheSet('k', { shared: true }, 60_000);
      expect(await other.cacheGet('k')).toEqual({ shared: true });
    },

    'a ttl that is not a positive number is refused as invalid': async () => {
      await expect(bus.cacheSet('k', 1, 0)).rejects.toMatchObject({ kind: 'invalid' });
      await expect(bus.claim('c', 'ann', -5)).rejects.toMatchObject({ kind: 'invalid' });
      await expect(bus.setPresence('a', 'm', 'online', Number.NaN)).rejects.toMatchObject({
        kind: 'invalid',
      });
      await expect(bus.cacheSet('k', undefined, 1_000)).rejects.toMatchObject({ kind: 'invalid' });
    },

    'ping resolves on a working bus': async () => {
      await expect(bus.ping()).resolves.toBeUndefined();
    },

    'after close every call fails as unavailable and closing again is harmless': async () => {
      const other = await fixture.second();
      const got: unknown[] = [];
      await bus.subscribe('calls', (m) => got.push(m));
      await bus.close();
      await bus.close();
      await expect(bus.ping()).rejects.toMatchObject({ kind: 'unavailable' });
      await expect(bus.cacheGet('k')).rejects.toMatchObject({ kind: 'unavailable' });
      await expect(bus.publish('calls', 1)).rejects.toBeInstanceOf(BusError);
      await other.publish('calls', 'after close');
      await sleep(150);
      expect(got).toEqual([]);
      await expect(other.ping()).resolves.toBeUndefined();
    },
  };

  const skipped = new Map<string, string>();
  for (const rule of skip) {
    if (!rule.reason.trim()) throw new Error(`Every skip in the ${name} bus suite needs a reason`);
    for (const test of rule.tests) {
      if (!(test in tests)) throw new Error(`The ${name} bus suite has no test named "${test}" to skip`);
      skipped.set(test, rule.reason);
    }
  }

  describe(`Bus contract: ${name}`, () => {
    beforeEach(async () => {
      fixture = await make();
      bus = fixture.bus;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    for (const [test, body] of Object.entries(tests)) {
      const reason = skipped.get(test);
      if (reason === undefined) {
        it(test, body);
      } else {
        console.info(`[${name} bus] skipping "${test}": ${reason}`);
        it.skip(test, body);
      }
    }
  });
}
