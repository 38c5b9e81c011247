import type { RawResult } from './queryable.ts';
import type { SqlQuery } from './sql.ts';

/** What the queue needs of a single-connection database. */
export interface StatementRunner {
  run(query: SqlQuery): Promise<RawResult>;
  /** Plain SQL without parameters: BEGIN, COMMIT, ROLLBACK. */
  control(text: 'begin' | 'commit' | 'rollback'): Promise<void>;
}

type Task =
  | { kind: 'statement'; query: SqlQuery; resolve(result: RawResult): void; reject(error: unknown): void }
  | {
      kind: 'exclusive';
      work(): Promise<unknown>;
      resolve(value: unknown): void;
      reject(error: unknown): void;
    };

/**
 * One queue in front of a single-connection database (the embedded store): operations run one
 * at a time, in arrival order. Plain statements that pile up while the connection is busy run
 * together in one transaction — group commit — so under load N webhooks pay for one commit
 * instead of N; each caller still gets its answer only after that commit. If any statement of a
 * group fails, the group is rolled back and its statements run again one by one, so each caller
 * sees exactly the outcome it would have had alone. Exclusive work (a caller's own transaction,
 * a script) always runs alone.
 */
export function createGroupCommitQueue(runner: StatementRunner) {
  const tasks: Task[] = [];
  let pumping = false;

  async function alone(task: Extract<Task, { kind: 'statement' }>) {
    try {
      task.resolve(await runner.run(task.query));
    } catch (error) {
      task.reject(error);
    }
  }

  async function together(group: Extract<Task, { kind: 'statement' }>[]) {
    const results: RawResult[] = [];
    try {
      await runner.control('begin');
      for (const task of group) results.push(await runner.run(task.query));
      await runner.control('commit');
    } catch {
      await runner.control('rollback').catch(() => undefined);
      for (const task of group) await alone(task);
      return;
    }
    for (const [index, task] of group.entries()) task.resolve(results[index]!);
  }

  async function pump() {
    pumping = true;
    while (tasks.length > 0) {
      const head = tasks.shift()!;
      if (head.kind === 'exclusive') {
        try {
          head.resolve(await head.work());
        } catch (error) {
          head.reject(error);
        }
        continue;
      }
      const group = [head];
      while (tasks[0]?.kind === 'statement')
        group.push(tasks.shift() as Extract<Task, { kind: 'statement' }>);
      if (group.length === 1) await alone(head);
      else await together(group);
    }
    pumping = false;
  }

  function enqueue(task: Task) {
    tasks.push(task);
    if (!pumping) void pump();
  }

  return {
    statement: (query: SqlQuery) =>
      new Promise<RawResult>((resolve, reject) => enqueue({ kind: 'statement', query, resolve, reject })),
    exclusive: <T>(work: () => Promise<T>) =>
      new Promise<T>((resolve, reject) =>
        enqueue({ kind: 'exclusive', work, resolve: (value) => resolve(value as T), reject }),
      ),
  };
}
