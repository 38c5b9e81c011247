import { useCallback, useEffect, useRef, useState } from 'react';
import { api, streamUrl } from '../api/client.ts';
import { COACHING_EVENT_TYPES, parseCoachingEvent, type SupervisedMode } from './coaching-events.ts';

export interface CoachingNotice {
  id: string;
  callId: string;
  authorName: string | null;
  body: string;
  atSeconds: number | null;
  isReply: boolean;
}

/**
 * Unread coaching comments (loaded, then reloaded whenever one arrives) and how the current call is
 * supervised. A stream of its own beside the calls' stream, so neither parser knows the other's events.
 */
export function useCoaching() {
  const [notices, setNotices] = useState<CoachingNotice[]>([]);
  const [supervised, setSupervised] = useState<{ callId: string; mode: SupervisedMode } | null>(null);
  const load = useCallback(async () => {
    try {
      setNotices((await api<{ notices: CoachingNotice[] }>('GET', '/api/me/coaching-notices')).notices);
    } catch {
      // The badge is a convenience: a failed refresh keeps the last list until the next event.
    }
  }, []);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    void loadRef.current();
    const source = new EventSource(streamUrl('/api/events'), { withCredentials: true });
    const listener = (message: MessageEvent<string>) => {
      const event = parseCoachingEvent(message.data);
      if (event?.type === 'coaching_comment') void loadRef.current();
      if (event?.type === 'being_supervised')
        setSupervised(event.mode ? { callId: event.callId, mode: event.mode } : null);
    };
    for (const type of COACHING_EVENT_TYPES) source.addEventListener(type, listener);
    return () => source.close();
  }, []);
  /** Reading a call's comments marks its notices read. */
  const markRead = useCallback(
    async (callId: string) => {
      await api('GET', `/api/calls/${callId}/comments`);
      await load();
    },
    [load],
  );
  return { notices, supervised, markRead };
}
