import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { PresenceStatus } from './types.ts';

/** The API drops a member to offline 60 s after their last heartbeat; 20 s leaves room for two misses. */
const HEARTBEAT_MS = 20_000;

interface TeamPresence {
  members: Array<{ memberId: string; status: PresenceStatus }>;
}

/** My status as the server has it, changed with PUT /api/me/presence and repeated as a heartbeat. */
export function usePresence(memberId: string) {
  const [status, setStatus] = useState<PresenceStatus>('offline');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<TeamPresence>('GET', '/api/team/presence').then(
      (team) => {
        const mine = team.members.find((m) => m.memberId === memberId);
        if (mine) setStatus(mine.status);
      },
      () => undefined,
    );
  }, [memberId]);

  const change = useCallback(async (next: PresenceStatus) => {
    setError(null);
    try {
      await api('PUT', '/api/me/presence', { status: next });
      setStatus(next);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }, []);

  useEffect(() => {
    if (status === 'offline') return;
    const timer = window.setInterval(() => {
      api('PUT', '/api/me/presence', { status }).catch(() => undefined);
    }, HEARTBEAT_MS);
    return () => window.clearInterval(timer);
  }, [status]);

  return { status, change, error };
}
