import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDeps } from '../testing/deps.ts';
import { OdooClient } from './client.ts';
import { leaf } from './domain.ts';
import { type OdooEmulator, startOdooEmulator } from './emulator/index.ts';
import { failure } from './test-support.ts';

const countPartners = (client: OdooClient) =>
  client.execute(z.number(), { model: 'res.partner', method: 'search_count', args: [[]], idempotent: true });

describe('OdooClient over npm xmlrpc against the emulator', () => {
  let emulator: OdooEmulator;
  let client: OdooClient;

  beforeEach(async () => {
    emulator = await startOdooEmulator();
    client = new OdooClient(emulator.config(), testDeps(), { timeoutMs: 300 });
    await client.uid();
  });

  afterEach(async () => {
    const violations = emulator.running.violations.splice(0);
    await emulator.close();
    expect(violations).toEqual([]);
  });

  it('an HTML 429 from the proxy becomes rate_limited with its wait', async () => {
    emulator.running.faults.next({ kind: 'status', status: 429, retryAfterSeconds: 300 });
    const error = await failure(countPartners(client));
    expect(error.kind).toBe('rate_limited');
    expect(error.detail.retryAfterMs).toBe(300_000);
  });

  it('a 502 page is retried on a read, then the read succeeds', async () => {
    emulator.running.faults.next({ kind: 'status', status: 502 }, 2);
    expect(await countPartners(client)).toBe(0);
  });

  it('a dropped connection is unavailable once retries are spent', async () => {
    emulator.running.faults.next({ kind: 'drop' }, 10);
    expect((await failure(countPartners(client))).kind).toBe('unavailable');
  });

  it('an answer that never comes times out instead of hanging', async () => {
    emulator.running.faults.next({ kind: 'hang', ms: 2_000 }, 10);
    const started = Date.now();
    const error = await failure(countPartners(client));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('did not answer in time');
    expect(Date.now() - started).toBeLessThan(1_900);
  });

  it('a create whose answer was lost is not sent again: the record exists once', async () => {
    emulator.running.faults.next({ kind: 'drop-after-commit' });
    const error = await failure(
      client.execute(z.array(z.number()), {
        model: 'res.partner',
        method: 'create',
        args: [[{ name: 'Once Only' }]],
        idempotent: false,
      }),
    );
    expect(error.kind).toBe('unavailable');
    const found = await client.execute(z.array(z.number()), {
      model: 'res.partner',
      method: 'search',
      args: [[leaf('name', '=', 'Once Only')]],
      idempotent: true,
    });
    expect(found).toHaveLength(1);
  });

  it('a key revoked after login is an auth error on the next call', async () => {
    emulator.revokeAccess();
    const error = await failure(countPartners(client));
    expect(error.kind).toBe('auth');
    expect(error.message).not.toContain(emulator.config().apiKey);
  });

  it('an answer of the wrong shape is an invalid error naming the method', async () => {
    const error = await failure(
      client.execute(z.string(), {
        model: 'res.partner',
        method: 'search_count',
        args: [[]],
        idempotent: true,
      }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('res.partner.search_count');
  });
});
