import { useId } from 'react';
import { useDialerText } from './texts.ts';
import type { PresenceStatus } from './types.ts';

const STATUSES: PresenceStatus[] = ['online', 'busy', 'offline'];

/** A native select: labelled, keyboard-operable and narrow enough for a 375 px header. */
export function PresenceSwitch({
  status,
  onChange,
  error,
}: {
  status: PresenceStatus;
  onChange: (status: PresenceStatus) => void;
  error: string | null;
}) {
  const t = useDialerText();
  const id = useId();
  return (
    <div className={`presence presence-${status}`}>
      <label htmlFor={id}>{t('presence.label')}</label>
      <select id={id} value={status} onChange={(event) => onChange(event.target.value as PresenceStatus)}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`presence.${s}`)}
          </option>
        ))}
      </select>
      {error ? (
        <p role="alert" className="field-error">
          {t('presence.failed', { message: error })}
        </p>
      ) : null}
    </div>
  );
}
