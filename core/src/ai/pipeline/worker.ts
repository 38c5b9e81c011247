import { sql } from '../../store/sql.ts';
import { RECORDING_TOPIC } from './enqueue.ts';
import { type PipelineDeps, runPipeline } from './run.ts';

export interface AiWorkerLog {
  error(fields: Record<string, unknown>, message: string): void;
}

export interface AiWorkerOptions extends PipelineDeps {
  log: AiWorkerLog;
  /** How long a claimed job is hidden from other workers: longer than the slowest transcription. */
  leaseMs?: number;
  idleMs?: number;
  /** Jobs run at once by this instance; transcription takes a core each. */
  concurrency?: number;
}

export interface AiWorker {
  /** Claims due jobs and runs them; resolves when they are settled or rescheduled. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Runs the pipeline of calls whose recording is ready. Jobs are outbox rows claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease, so any number of instances share the work, and one killed
 * mid-job leaves a row that comes back when its lease ends; the pipeline skips stages already done.
 */
export function startAiWorker(options: AiWorkerOptions, { autostart = true } = {}): AiWorker {
  const leaseMs = options.leaseMs ?? 30 * 60_000;
  const idleMs = options.idleMs ?? 1_000;
  const concurrency = options.concurrency ?? 1;
  let stopped = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  async function runOnce(): Promise<number> {
    const jobs = await options.db.many<{ id: string; subject_id: string }>(sql`
      update outbox set attempts = attempts + 1, available_at = now() + make_interval(secs => ${leaseMs / 1000})
      where id in (select id from outbox where status = 'pending' and topic = ${RECORDING_TOPIC}
        and available_at <= now() order by available_at limit ${concurrency} for update skip locked)
      returning id, subject_id`);
    await Promise.all(
      jobs.map(async (job) => {
        try {
          const outcome = await runPipeline(options, job.subject_id);
          if (outcome.kind === 'retry')
            await options.db.execute(sql`update outbox set
              available_at = now() + make_interval(secs => ${outcome.delayMs / 1000}) where id = ${job.id}`);
          else
            await options.db.execute(
              sql`update outbox set status = 'done', processed_at = now() where id = ${job.id}`,
            );
        } catch (error) {
          // A bug or the store failing: the lease brings the job back; say it loudly meanwhile.
          options.log.error({ err: error, callId: job.subject_id }, 'call pipeline failed');
          await options.db
            .execute(sql`update outbox set last_error = ${String(error)} where id = ${job.id}`)
            .catch(() => undefined);
        }
      }),
    );
    return jobs.length;
  }

  async function run(): Promise<void> {
    while (!stopped) {
      let busy = false;
      try {
        busy = (await runOnce()) > 0;
      } catch (error) {
        options.log.error({ err: error }, 'call pipeline pass failed; retrying');
      }
      if (!busy && !stopped)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      wake = null;
    }
  }

  if (autostart) loop = run();
  return {
    runOnce,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
