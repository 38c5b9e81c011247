import { describe, expect, it } from 'vitest';
import { decodeCursor, PAGE_SIZE, readFeed } from './change-feed.ts';
import type { AttioRecord } from './map.ts';

/** A workspace whose people the test edits between and during reads, dated by a fake Attio clock. */
function workspace(count: number) {
  let clock = Date.parse('2026-11-02T09:00:00Z');
  const tick = () => {
    clock += 10;
    return new Date(clock).toISOString().replace('Z', '000000Z');
  };
  const people: AttioRecord[] = Array.from({ length: count }, (_, i) => {
    const created = tick();
    return {
      id: { workspace_id: 'ws', object_id: 'people', record_id: `p-${i}` },
      created_at: created,
      web_url: `https://app.attio.com/ws/person/p-${i}`,
      values: { name: [{ active_from: created, full_name: `Person ${i}` }] },
    };
  });
  let onFetch: (offset: number) => void = () => {};
  return {
    people,
    now: () => clock,
    advance(ms: number) {
      clock += ms;
    },
    edit(index: number) {
      const person = people[index];
      if (person) person.values.name = [{ active_from: tick(), full_name: `Edited ${index}` }];
    },
    onFetch(hook: (offset: number) => void) {
      onFetch = hook;
    },
    fetchPage: async (offset: number, limit: number) => {
      onFetch(offset);
      return people.slice(offset, offset + limit);
    },
  };
}

async function drain(ws: ReturnType<typeof workspace>, cursor: string | null) {
  const ids: string[] = [];
  let last = cursor;
  for (let next = cursor, pages = 0; pages < 50; pages++) {
    const page = await readFeed(next, ws.fetchPage, ws.now);
    ids.push(...page.records.map((record) => record.id.record_id));
    if (page.next === null) break;
    last = next = page.next;
  }
  return { ids, last };
}

describe('the Attio change feed', () => {
  it('reports everyone once, then nothing until someone changes', async () => {
    const ws = workspace(PAGE_SIZE * 2 + 5);
    const first = await drain(ws, null);
    expect(new Set(first.ids).size).toBe(PAGE_SIZE * 2 + 5);
    expect(first.ids).toHaveLength(PAGE_SIZE * 2 + 5);
    const quiet = await drain(ws, first.last);
    expect(quiet.ids).toEqual([]);
    ws.edit(7);
    expect((await drain(ws, first.last)).ids).toEqual(['p-7']);
  });

  it('catches an edit made mid-pass to someone already read, even when a later edit is read after it', async () => {
    const ws = workspace(PAGE_SIZE * 2);
    const first = await drain(ws, null);
    ws.advance(60_000);
    let once = true;
    ws.onFetch((offset) => {
      if (offset === 0 || !once) return;
      once = false;
      ws.advance(30_000);
      ws.edit(3);
      ws.advance(30_000);
      ws.edit(PAGE_SIZE + 50);
    });
    // The pass that read p-3 before its edit reports the later edit; the next pass, p-3.
    const second = await drain(ws, first.last);
    expect(second.ids).toEqual([`p-${PAGE_SIZE + 50}`, 'p-3']);
    expect((await drain(ws, second.last)).ids).toEqual([]);
  });

  it('keeps the cursor small once edits are older than the last pass', async () => {
    const ws = workspace(50);
    const first = await drain(ws, null);
    if (first.last) expect(decodeCursor(first.last).seen.length).toBe(50);
    ws.advance(60_000);
    ws.edit(1);
    const { last } = await drain(ws, first.last);
    expect(last).not.toBeNull();
    if (last) expect(decodeCursor(last).seen.length).toBe(1);
  });

  it('refuses a cursor it did not issue', async () => {
    const ws = workspace(1);
    await expect(readFeed('not-a-cursor', ws.fetchPage, ws.now)).rejects.toMatchObject({ kind: 'invalid' });
  });
});
