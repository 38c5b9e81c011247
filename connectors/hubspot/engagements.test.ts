import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLog, manyPeople } from '../core/conformance/fixtures.ts';
import type { CrmConnector, RecordRef } from '../core/connector.ts';
import { testDeps } from '../testing/deps.ts';
import { type HubspotEmulator, startHubspotEmulator } from './emulator/index.ts';
import { hubspot } from './index.ts';

let emulator: HubspotEmulator;
let connector: CrmConnector;
let alice: RecordRef;
beforeEach(async () => {
  emulator = await startHubspotEmulator();
  connector = hubspot.create(emulator.config(), testDeps());
  const [seeded] = await emulator.seed(manyPeople(1));
  if (!seeded) throw new Error('seeded nobody');
  alice = seeded;
});
afterEach(async () => {
  expect(emulator.running.violations.splice(0)).toEqual([]);
  await emulator.close();
});

describe('HubSpot call logging', () => {
  it('a batch upsert whose answer is lost is sent again and still makes one call, linked once', async () => {
    await connector.upsertCallLog(callLog({ contact: alice }));
    const call = callLog({ contact: alice });
    emulator.running.faults.next({ kind: 'drop-after-commit' });
    const ref = await connector.upsertCallLog(call);
    const held = emulator.callLogs().filter((log) => log.parleyCallId === call.id);
    expect(held).toEqual([expect.objectContaining({ id: ref.id, contactIds: [alice.id] })]);
  });

  it('creates the unique property once, then needs two requests per batch of 100', async () => {
    await connector.upsertCallLogs([callLog({ contact: alice })]);
    expect(emulator.state.properties.calls.get('parley_call_id')?.hasUniqueValue).toBe(true);
    emulator.running.resetStats();
    await connector.upsertCallLogs(Array.from({ length: 100 }, () => callLog({ contact: alice })));
    expect(emulator.running.stats.requests).toBe(2);
  });

  it('another connector for the same portal finds the property already there', async () => {
    await connector.upsertCallLog(callLog());
    const other = hubspot.create(emulator.config(), testDeps());
    await other.upsertCallLog(callLog({ contact: alice }));
    expect(emulator.callLogs()).toHaveLength(2);
  });

  it('a call whose input HubSpot refuses fails alone, in input order', async () => {
    const calls = [callLog({ contact: alice }), callLog({ ownerId: 'x'.repeat(3) }), callLog()];
    // The portal lost a property Parley writes: HubSpot refuses the input that carries it.
    emulator.state.properties.calls.delete('hubspot_owner_id');
    const results = await connector.upsertCallLogs(calls);
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    const refused = results[1];
    if (refused && !refused.ok) expect(refused.error.kind).toBe('invalid');
  });

  it('lists the portal’s owners and its call dispositions', async () => {
    expect(await connector.listOwners()).toEqual([
      { id: '81001', email: 'admin@parley.example', name: 'Ada Admin' },
      { id: '81002', email: 'rep@parley.example', name: 'Remy Rep' },
    ]);
    expect(await connector.listOutcomes()).toContainEqual({
      value: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
      label: 'Connected',
    });
  });
});
