import { describe, expect, it } from 'vitest';
import { createGroupCommitQueue, type StatementRunner } from './group-commit.ts';
import type { SqlQuery } from './sql.ts';

/** A fake connection that logs what it runs; `fail` names statements that throw. */
function fakeRunner(fail: (text: string, inGroup: boolean) => boolean = () => false) {
  const log: string[] = [];
  let inGroup = false;
  const runner: StatementRunner = {
    async run({ text }) {
      await new Promise((r) => setTimeout(r, 1));
      log.push(text);
      if (fail(text, inGroup)) throw new Error(`failed: ${text}`);
      return { rows: [{ text }], affected: 1 };
    },
    async control(command) {
      log.push(command);
      inGroup = command === 'begin';
    },
  };
  return { runner, log };
}

const q = (text: string): SqlQuery => ({ text, values: [] });

describe('group commit', () => {
  it('runs a lone statement without a transaction', async () => {
    const { runner, log } = fakeRunner();
    const queue = createGroupCommitQueue(runner);
    expect((await queue.statement(q('a'))).rows).toEqual([{ text: 'a' }]);
    expect(log).toEqual(['a']);
  });

  it('commits statements that piled up while the connection was busy together, in arrival order', async () => {
    const { runner, log } = fakeRunner();
    const queue = createGroupCommitQueue(runner);
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((t) => queue.statement(q(t))));
    expect(results.map((r) => r.rows[0])).toEqual([
      { text: 'a' },
      { text: 'b' },
      { text: 'c' },
      { text: 'd' },
    ]);
    expect(log).toEqual(['a', 'begin', 'b', 'c', 'd', 'commit']);
  });

  it('gives each caller its own outcome when one statement of a group fails', async () => {
    const { runner, log } = fakeRunner((text) => text === 'bad');
    const queue = createGroupCommitQueue(runner);
    const outcomes = await Promise.allSettled(
      ['first', 'ok1', 'bad', 'ok2'].map((t) => queue.statement(q(t))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['first', 'begin', 'ok1', 'bad', 'rollback', 'ok1', 'bad', 'ok2']);
  });

  it('runs exclusive work alone, between the statements queued before and after it', async () => {
    const { runner, log } = fakeRunner();
    const queue = createGroupCommitQueue(runner);
    const done = Promise.all([
      queue.statement(q('a')),
      queue.statement(q('b')),
      queue.exclusive(async () => log.push('exclusive')),
      queue.statement(q('c')),
      queue.statement(q('d')),
    ]);
    await done;
    expect(log).toEqual(['a', 'b', 'exclusive', 'begin', 'c', 'd', 'commit']);
  });

  it('keeps going after exclusive work fails', async () => {
    const { runner } = fakeRunner();
    const queue = createGroupCommitQueue(runner);
    await expect(
      queue.exclusive(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await queue.statement(q('after'))).affected).toBe(1);
  });
});
