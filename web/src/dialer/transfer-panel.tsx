import type { CountryCode } from 'libphonenumber-js';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { Field, SelectField } from '../ui/field.tsx';
import { toE164 } from './phone-format.ts';
import { useDialerText } from './texts.ts';
import type { TeamMember } from './types.ts';

export interface TransferDone {
  /** The member id or E.164 number the call went to. */
  to: string;
  label: string;
}

/**
 * Pick a teammate (from /api/team/members) or type a number; POST /api/calls/:id/transfer moves
 * the call, and the API's message for a bad target shows next to the field that holds it.
 */
export function TransferPanel({
  callId,
  me,
  country,
  onTransferred,
}: {
  callId: string;
  me: string;
  country: CountryCode;
  onTransferred: (done: TransferDone) => void;
}) {
  const t = useDialerText();
  const [members, setMembers] = useState<TeamMember[]>([]);
  const [chosen, setChosen] = useState('');
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ members: TeamMember[] }>('GET', '/api/team/members').then(
      (team) => setMembers(team.members.filter((m) => m.id !== me)),
      () => setMembers([]),
    );
  }, [me]);
  const member = members.find((m) => m.id === chosen);
  const target = member
    ? { to: member.id, label: member.name }
    : number.trim()
      ? { to: toE164(number, country) ?? number.trim(), label: number.trim() }
      : null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/calls/${callId}/transfer`, { to: target.to });
      onTransferred(target);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? (caught.fields.to ?? t('incall.transferFailed', { message: caught.message }))
          : t('incall.transferFailed', { message: String(caught) }),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="transfer card" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('incall.transferTo')}</legend>
        <SelectField
          label={t('incall.transferMember')}
          value={chosen}
          error={member && error ? error : undefined}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">—</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('incall.transferNumber')}
          type="tel"
          inputMode="tel"
          value={number}
          error={!member && error ? error : undefined}
          onChange={(event) => setNumber(event.target.value)}
        />
      </fieldset>
      <button type="submit" disabled={!target || busy}>
        {t('incall.transferConfirm')}
      </button>
    </form>
  );
}
