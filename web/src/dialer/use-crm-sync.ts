import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { CrmSync } from './types.ts';

const POLL_MS = 2000;
/** The sync worker logs within seconds; past two minutes the rep has moved on and the console shows it. */
const GIVE_UP_MS = 120_000;
/**
 * A call gets its sync rows when the worker fans the outbox out, a moment after the call ends or
 * the notes are saved: an empty answer means "no CRM connected" only once that moment is past.
 */
const NO_ROWS_YET_MS = 15_000;

export type SyncView = { crm: string } & (
  | { state: 'pending' }
  | { state: 'logged'; url: string | null }
  | { state: 'failed'; message: string }
);

export function syncView(sync: CrmSync): SyncView {
  if (sync.status === 'logged') return { crm: sync.crm, state: 'logged', url: sync.recordUrl };
  if (sync.error) return { crm: sync.crm, state: 'failed', message: sync.error };
  return { crm: sync.crm, state: 'pending' };
}

/**
 * Polls GET /api/calls/:id/crm while any CRM still has the call pending; `version` restarts it
 * after a save. null while nothing is known yet.
 */
export function useCrmSync(callId: string, version: number): SyncView[] | null {
  const [syncs, setSyncs] = useState<SyncView[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a save (new version) puts the call back in the queue: poll again
  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const started = Date.now();
    const poll = async () => {
      try {
        const body = await api<{ syncs: CrmSync[] }>('GET', `/api/calls/${callId}/crm`);
        if (!live) return;
        const views = body.syncs.map(syncView);
        const elapsed = Date.now() - started;
        if (views.length === 0 && elapsed < NO_ROWS_YET_MS) {
          timer = window.setTimeout(poll, POLL_MS);
          return;
        }
        setSyncs(views);
        if (views.some((v) => v.state === 'pending') && elapsed < GIVE_UP_MS)
          timer = window.setTimeout(poll, POLL_MS);
      } catch {
        if (live) timer = window.setTimeout(poll, POLL_MS * 2);
      }
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [callId, version]);
  return syncs;
}
