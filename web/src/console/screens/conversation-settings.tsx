import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { CheckField } from '../../ui/check-field.tsx';
import { Field } from '../../ui/field.tsx';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice, Done } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';

interface LiveListening {
  enabled: boolean;
  tellMembers: boolean;
}

interface Retention {
  deleteAudioAfterDays: number | null;
  keepTranscript: boolean;
}

/** The account's live-listening switches, saved as soon as one is ticked. */
export function LiveListeningSettings() {
  const t = useConsoleText();
  const settings = useLoad<LiveListening>('/api/account/live-listening');
  const submit = useSubmit();
  const [saved, setSaved] = useState(false);
  async function save(patch: Partial<LiveListening>) {
    setSaved(false);
    if (await submit.run(() => api<LiveListening>('PUT', '/api/account/live-listening', patch))) {
      setSaved(true);
      await settings.reload();
    }
  }
  if (!settings.data) return <ApiNotice error={settings.error} />;
  return (
    <section aria-labelledby="live-settings-title" className="card">
      <h2 id="live-settings-title">{t('sup.settings')}</h2>
      <CheckField
        label={t('sup.settingsEnabled')}
        checked={settings.data.enabled}
        disabled={submit.busy}
        onChange={(e) => save({ enabled: e.target.checked })}
      />
      <CheckField
        label={t('sup.settingsTell')}
        checked={settings.data.tellMembers}
        disabled={submit.busy}
        onChange={(e) => save({ tellMembers: e.target.checked })}
      />
      <ApiNotice error={submit.error} />
      <Done text={saved ? t('sup.settingsSaved') : null} />
    </section>
  );
}

/** How long call audio is kept, and whether transcripts outlive it. */
export function RetentionSettings() {
  const t = useConsoleText();
  const settings = useLoad<Retention>('/api/account/recording-retention');
  const submit = useSubmit();
  const [days, setDays] = useState('');
  const [keep, setKeep] = useState(true);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setDays(settings.data.deleteAudioAfterDays === null ? '' : String(settings.data.deleteAudioAfterDays));
    setKeep(settings.data.keepTranscript);
  }, [settings.data]);
  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = { deleteAudioAfterDays: days.trim() ? Number(days) : null, keepTranscript: keep };
    if (await submit.run(() => api<Retention>('PUT', '/api/account/recording-retention', body)))
      setSaved(true);
  }
  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="retention-title">
      <h2 id="retention-title">{t('sup.retention')}</h2>
      <ApiNotice error={settings.error} />
      <Field
        label={t('sup.retentionDays')}
        inputMode="numeric"
        value={days}
        onChange={(e) => setDays(e.target.value)}
        error={submit.error?.fields.deleteAudioAfterDays}
      />
      <CheckField label={t('sup.retentionKeep')} checked={keep} onChange={(e) => setKeep(e.target.checked)} />
      <ApiNotice error={submit.error} />
      <button type="submit" disabled={submit.busy}>
        {t('sup.retentionSave')}
      </button>
      <Done text={saved ? t('sup.retentionSaved') : null} />
    </form>
  );
}
