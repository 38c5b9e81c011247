import { useDialerText } from './texts.ts';
import type { LiveConnection } from './use-live-calls.ts';

/**
 * A call cannot ring a dialer whose live stream is down: say so while it reconnects. The state is
 * also on `data-live` so a test (or a host) can wait for the dialer to be reachable.
 */
export function LiveStatus({ connection }: { connection: LiveConnection }) {
  const t = useDialerText();
  return (
    <div data-live={connection}>
      {connection === 'lost' ? (
        <p className="banner warning" role="alert">
          {t('live.lost')}
        </p>
      ) : null}
    </div>
  );
}
