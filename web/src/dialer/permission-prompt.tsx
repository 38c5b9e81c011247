import { useEffect, useState } from 'react';
import { askPermissions, type DialerPermissions, readPermissions } from './permissions.ts';
import { useDialerText } from './texts.ts';

/**
 * Asks for the microphone and notifications with the reason first, and says plainly what to do
 * when the browser refused them (the seed's "allow the microphone and notifications").
 */
export function PermissionPrompt() {
  const t = useDialerText();
  const [permissions, setPermissions] = useState<DialerPermissions | null>(null);
  useEffect(() => {
    readPermissions().then(setPermissions, () => undefined);
  }, []);
  if (!permissions) return null;
  const { microphone, notifications } = permissions;
  if (microphone === 'denied' || notifications === 'denied')
    return (
      <div className="banner warning" role="alert">
        <strong>{t('permissions.title')}</strong>
        <p>{t('permissions.refused')}</p>
      </div>
    );
  if (microphone === 'unavailable')
    return (
      <div className="banner warning">
        <p>{t('permissions.unavailable')}</p>
      </div>
    );
  if (microphone === 'granted' && notifications !== 'prompt') return null;
  return (
    <div className="banner ask">
      <div>
        <strong>{t('permissions.title')}</strong>
        <p>{t('permissions.why')}</p>
      </div>
      <button type="button" onClick={() => askPermissions().then(setPermissions, () => undefined)}>
        {t('permissions.ask')}
      </button>
    </div>
  );
}
