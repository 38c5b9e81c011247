import { useEffect, useRef, useState } from 'react';
import { streamUrl } from '../api/client.ts';
import { LIVE_CALL_EVENT_TYPES, type LiveCallEvent, parseLiveCallEvent } from './live-event.ts';

/** `open` once the server said `ready` (subscribed: calls can ring here); `lost` while EventSource retries. */
export type LiveConnection = 'connecting' | 'open' | 'lost';

/**
 * Listens to /api/events for the member's calls. EventSource reconnects by itself after a drop;
 * the handler is read through a ref so a re-render does not reopen the stream.
 */
export function useLiveCalls(onEvent: (event: LiveCallEvent) => void): LiveConnection {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  useEffect(() => {
    const source = new EventSource(streamUrl('/api/events'), { withCredentials: true });
    const listener = (message: MessageEvent<string>) => {
      const event = parseLiveCallEvent(message.data);
      if (event) handler.current(event);
    };
    for (const type of LIVE_CALL_EVENT_TYPES) source.addEventListener(type, listener);
    source.addEventListener('ready', () => setConnection('open'));
    source.addEventListener('error', () => setConnection('lost'));
    return () => source.close();
  }, []);
  return connection;
}
