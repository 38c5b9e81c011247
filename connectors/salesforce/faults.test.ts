import { describe, expect, it } from 'vitest';
import { callLog, FIXTURE_PEOPLE } from '../core/conformance/fixtures.ts';
import type { CallLog, CrmConnector } from '../core/connector.ts';
import { testDeps } from '../testing/deps.ts';
import type { RandomFaults } from '../testing/faults.ts';
import { startSalesforceEmulator } from './emulator/index.ts';
import { salesforce } from './index.ts';

const FAULTS = {
  rate: 0.2,
  faults: [
    { kind: 'status', status: 429, retryAfterSeconds: 1 },
    { kind: 'status', status: 503 },
    { kind: 'status', status: 500 },
    { kind: 'drop' },
    { kind: 'drop-after-commit' },
    { kind: 'hang', ms: 20 },
  ],
} as const satisfies RandomFaults;

/** As the sync worker does: what failed is sent again until it lands. */
async function untilLanded(
  calls: CallLog[],
  send: (chunk: CallLog[]) => Promise<CallLog[]>,
): Promise<CallLog[]> {
  let pending = calls;
  for (let round = 0; round < 10 && pending.length > 0; round++) pending = await send(pending);
  return pending;
}

describe('salesforce under injected faults', () => {
  it.each([
    {
      how: 'one at a time',
      sender: (connector: CrmConnector) => async (pending: CallLog[]) => {
        const failed: CallLog[] = [];
        for (let i = 0; i < pending.length; i += 50) {
          const chunk = pending.slice(i, i + 50);
          await Promise.all(
            chunk.map((call) => connector.upsertCallLog(call).catch(() => void failed.push(call))),
          );
        }
        return failed;
      },
    },
    {
      how: 'in batches',
      sender: (connector: CrmConnector) => async (pending: CallLog[]) => {
        const results = await connector.upsertCallLogs(pending).catch(() => null);
        return results ? pending.filter((_, i) => !results[i]?.ok) : pending;
      },
    },
  ])(
    'logs every call exactly once, $how, while a fifth of requests fail (429, 5xx, drops, lost answers)',
    async ({ sender }) => {
      const emulator = await startSalesforceEmulator();
      try {
        const [alice] = await emulator.seed(FIXTURE_PEOPLE.slice(0, 1));
        const connector = salesforce.create(emulator.config(), testDeps());
        const calls = Array.from({ length: 400 }, () => callLog({ contact: alice }));
        emulator.running.faults.random(FAULTS);
        const pending = await untilLanded(calls, sender(connector));
        emulator.running.faults.clear();
        expect(pending).toEqual([]);
        const held = emulator.callLogs();
        expect(held).toHaveLength(calls.length);
        expect(new Set(held.map((log) => log.parleyCallId)).size).toBe(calls.length);
        expect(emulator.running.violations).toEqual([]);
      } finally {
        await emulator.close();
      }
    },
    60_000,
  );
});
