import { describe, expect, it } from 'vitest';
import { createAttempts } from './attempts.ts';
import { CrmError } from './errors.ts';

const clock = { now: () => 0, sleep: async () => {} };
const limiter = { take: async () => ({ allowed: true, retryAfterMs: 0 }) };
const attempts = () =>
  createAttempts({
    crm: 'odoo',
    rate: { budget: { requests: 10, perMs: 1000 } },
    limiter,
    rateKey: 'k',
    clock,
    random: () => 0.5,
  });

function failing(errors: CrmError[]) {
  let calls = 0;
  return {
    op: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return calls;
    },
    calls: () => calls,
  };
}

const unavailable = () => new CrmError('unavailable', 'down', { crm: 'odoo' });
const limited = (retryAfterMs?: number) =>
  new CrmError('rate_limited', 'slow down', {
    crm: 'odoo',
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

describe('attempts for clients with their own transport', () => {
  it('retries an idempotent operation through an outage and returns its result', async () => {
    const run = failing([unavailable(), unavailable()]);
    expect(await attempts()(run.op, { idempotent: true })).toBe(3);
  });

  it('does not repeat a non-idempotent operation after an outage, which may have acted', async () => {
    const run = failing([unavailable()]);
    await expect(attempts()(run.op, { idempotent: false })).rejects.toMatchObject({ kind: 'unavailable' });
    expect(run.calls()).toBe(1);
  });

  it('repeats even a non-idempotent operation the CRM refused with rate_limited', async () => {
    const run = failing([limited(10)]);
    expect(await attempts()(run.op, { idempotent: false })).toBe(2);
  });

  it('hands a wait longer than it holds to the caller', async () => {
    const run = failing([limited(120_000)]);
    await expect(attempts()(run.op, { idempotent: true })).rejects.toMatchObject({
      kind: 'rate_limited',
      detail: { retryAfterMs: 120_000 },
    });
  });

  it('gives up after the policy’s attempts', async () => {
    const run = failing([unavailable(), unavailable(), unavailable(), unavailable(), unavailable()]);
    await expect(attempts()(run.op, { idempotent: true })).rejects.toMatchObject({ kind: 'unavailable' });
    expect(run.calls()).toBe(4);
  });

  it('never retries an error that will not change (invalid, auth, not_found)', async () => {
    const run = failing([new CrmError('invalid', 'bad', { crm: 'odoo' })]);
    await expect(attempts()(run.op, { idempotent: true })).rejects.toMatchObject({ kind: 'invalid' });
    expect(run.calls()).toBe(1);
  });
});
