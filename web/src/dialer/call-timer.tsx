import { useEffect, useState } from 'react';
import { formatDuration } from './format-time.ts';
import { useDialerText } from './texts.ts';

/** Seconds since the call was answered, ticking once a second; read as a timer, not announced each tick. */
export function CallTimer({ since }: { since: number }) {
  const t = useDialerText();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <p className="call-timer" role="timer" aria-label={t('incall.timer')}>
      {formatDuration((now - since) / 1000)}
    </p>
  );
}
