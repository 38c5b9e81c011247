import type { Queryable } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';

/** The pipeline's stages, in the order they run: each needs the one before. */
export const STAGES = ['audio', 'transcript', 'summary'] as const;
export type Stage = (typeof STAGES)[number];

export type StageStatus = 'pending' | 'done' | 'failed';

export interface StageState {
  stage: Stage;
  status: StageStatus;
  /** Why it failed, or why it waits to try again. */
  reason: string | null;
  provider: string | null;
  attempts: number;
  updatedAt: Date;
}

interface Row {
  stage: Stage;
  status: StageStatus;
  reason: string | null;
  provider: string | null;
  attempts: number;
  updated_at: Date;
}

/** Every stage pending, for a recording seen for the first time (or replacing another). */
export async function resetStages(db: Queryable, accountId: string, callId: string): Promise<void> {
  for (const stage of STAGES)
    await db.execute(sql`insert into call_ai_stages (call_id, account_id, stage) values (${callId}, ${accountId}, ${stage})
      on conflict (call_id, stage) do update set status = 'pending', reason = null, provider = null, attempts = 0,
        updated_at = now()`);
}

export async function stagesOf(db: Queryable, callId: string): Promise<StageState[]> {
  const rows = await db.many<Row>(
    sql`select stage, status, reason, provider, attempts, updated_at from call_ai_stages where call_id = ${callId}`,
  );
  return STAGES.flatMap((stage) => {
    const row = rows.find((r) => r.stage === stage);
    return row
      ? [
          {
            stage,
            status: row.status,
            reason: row.reason,
            provider: row.provider,
            attempts: row.attempts,
            updatedAt: row.updated_at,
          },
        ]
      : [];
  });
}

/** Counts an attempt and returns how many there have been, this one included. */
export async function startAttempt(db: Queryable, callId: string, stage: Stage): Promise<number> {
  const row = await db.one<{
    attempts: number;
  }>(sql`update call_ai_stages set attempts = attempts + 1, updated_at = now()
    where call_id = ${callId} and stage = ${stage} returning attempts`);
  return row.attempts;
}

export async function markStage(
  db: Queryable,
  callId: string,
  stage: Stage,
  state: { status: StageStatus; reason?: string | null; provider?: string | null },
): Promise<void> {
  await db.execute(sql`update call_ai_stages set status = ${state.status}, reason = ${state.reason ?? null},
      provider = coalesce(${state.provider ?? null}, provider), updated_at = now()
    where call_id = ${callId} and stage = ${stage}`);
}
