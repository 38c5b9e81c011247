import { afterEach, expect, it } from 'vitest';
import { callLog, FIXTURE_PEOPLE } from '../core/conformance/fixtures.ts';
import type { CallLog } from '../core/connector.ts';
import { testDeps } from '../testing/deps.ts';
import { type OdooEmulator, startOdooEmulator } from './emulator/index.ts';
import { odoo } from './index.ts';

let emulator: OdooEmulator;
afterEach(() => emulator.close());

it('2,000 calls under 20% injected 429s, 5xx, drops and hangs each end up logged exactly once', async () => {
  emulator = await startOdooEmulator({ enforceLimit: false });
  const people = await emulator.seed(FIXTURE_PEOPLE);
  const connector = odoo.create(emulator.config(), testDeps());
  const calls = Array.from({ length: 2_000 }, (_, i) => callLog({ contact: people[i % people.length] }));
  emulator.running.faults.random({
    rate: 0.2,
    faults: [
      { kind: 'status', status: 429, retryAfterSeconds: 1 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 502 },
      { kind: 'drop' },
      { kind: 'drop-after-commit' },
      { kind: 'hang', ms: 50 },
    ],
  });
  // The sync worker's loop: what failed with a retryable kind is sent again later.
  let pending: CallLog[] = calls;
  for (let round = 0; round < 40 && pending.length > 0; round++) {
    const results = await connector.upsertCallLogs(pending);
    const failed = pending.filter((_, i) => !results[i]?.ok);
    for (const [i, result] of results.entries()) {
      if (!result.ok)
        expect(['rate_limited', 'unavailable', 'conflict'], pending[i]?.id).toContain(result.error.kind);
    }
    pending = failed;
  }
  emulator.running.faults.clear();
  expect(pending).toEqual([]);
  const held = emulator.callLogs();
  expect(held).toHaveLength(2_000);
  expect(new Set(held.map((log) => log.parleyCallId)).size).toBe(2_000);
  expect(emulator.running.violations).toEqual([]);
}, 120_000);
