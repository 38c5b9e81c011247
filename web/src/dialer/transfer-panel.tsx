import type { CountryCode } from 'libphonenumber-js';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import { toE164 } from './phone-format.ts';
import { useDialerText } from './texts.ts';
import type { TeamMember } from './types.ts';

/** Pick a teammate (from /api/team/members) or type a number; the call's audio port does the transfer. */
export function TransferPanel({
  me,
  country,
  onTransfer,
}: {
  me: string;
  country: CountryCode;
  onTransfer: (target: { memberId: string; label: string } | { number: string; label: string }) => void;
}) {
  const t = useDialerText();
  const memberId = useId();
  const numberId = useId();
  const [members, setMembers] = useState<TeamMember[]>([]);
  const [chosen, setChosen] = useState('');
  const [number, setNumber] = useState('');
  useEffect(() => {
    api<{ members: TeamMember[] }>('GET', '/api/team/members').then(
      (team) => setMembers(team.members.filter((m) => m.id !== me)),
      () => setMembers([]),
    );
  }, [me]);
  const e164 = number ? toE164(number, country) : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    const member = members.find((m) => m.id === chosen);
    if (member) onTransfer({ memberId: member.id, label: member.name });
    else if (e164) onTransfer({ number: e164, label: e164 });
  }
  return (
    <form className="transfer card" onSubmit={submit}>
      <fieldset>
        <legend>{t('incall.transferTo')}</legend>
        <div className="field">
          <label htmlFor={memberId}>{t('incall.transferMember')}</label>
          <select id={memberId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">—</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={numberId}>{t('incall.transferNumber')}</label>
          <input
            id={numberId}
            type="tel"
            inputMode="tel"
            value={number}
            onChange={(event) => setNumber(event.target.value)}
          />
        </div>
      </fieldset>
      <button type="submit" disabled={!chosen && !e164}>
        {t('incall.transferConfirm')}
      </button>
    </form>
  );
}
