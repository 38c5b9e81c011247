import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field, SelectField } from '../../ui/field.tsx';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice, Done, UpgradeNotice } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { ConsoleMe, Member, PhoneNumber, RoutingPolicy } from '../types.ts';
import { CascadeSteps } from './cascade-steps.tsx';
import { bodyOf, type Draft, draftOf, errorUnder, FALLBACK_KINDS, STRATEGIES } from './draft.ts';
import { IvrMenu } from './ivr-menu.tsx';
import { ReceptionistIntents } from './receptionist-intents.tsx';
import { MemberChecks, TargetFields } from './target-fields.tsx';

/**
 * Per number: everyone at once, a cascade in the admin's order, a voice menu or the AI
 * receptionist, and what happens when nobody answers.
 */
export function RoutingScreen({ me }: { me: ConsoleMe }) {
  const t = useConsoleText();
  const numbers = useLoad<{ numbers: PhoneNumber[] }>('/api/numbers');
  const members = useLoad<{ members: Member[] }>('/api/team/members');
  const [numberId, setNumberId] = useState<string>('');
  const list = numbers.data?.numbers ?? [];
  useEffect(() => {
    if (!numberId && list[0]) setNumberId(list[0].id);
  }, [list, numberId]);
  const number = list.find((n) => n.id === numberId);
  return (
    <section aria-labelledby="routing-title">
      <h1 id="routing-title">{t('routing.title')}</h1>
      <ApiNotice error={numbers.error ?? members.error} />
      {numbers.data && list.length === 0 ? <p>{t('routing.noNumbers')}</p> : null}
      {list.length > 0 ? (
        <SelectField
          label={t('routing.number')}
          value={numberId}
          onChange={(e) => setNumberId(e.target.value)}
        >
          {list.map((n) => (
            <option key={n.id} value={n.id}>
              {n.e164}
            </option>
          ))}
        </SelectField>
      ) : null}
      {number && members.data ? (
        <PolicyEditor
          key={number.id}
          number={number}
          members={members.data.members}
          receptionist={me.account.features.includes('ai_receptionist')}
        />
      ) : null}
    </section>
  );
}

function PolicyEditor({
  number,
  members,
  receptionist,
}: {
  number: PhoneNumber;
  members: Member[];
  receptionist: boolean;
}) {
  const t = useConsoleText();
  const { t: common, locale } = useI18n();
  const loaded = useLoad<{ policy: RoutingPolicy | null }>(`/api/numbers/${number.id}/routing`);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  useEffect(() => {
    if (loaded.data) setDraft(draftOf(loaded.data.policy, number, locale));
  }, [loaded.data, number, locale]);
  if (!draft || !loaded.data) return <ApiNotice error={loaded.error} />;
  const err = (path: string) => submit.error?.fields[path];
  const errUnder = (path: string) => errorUnder(submit.error?.fields, path);
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setSaved(null);
    const done = await submit.run(() =>
      api<unknown>('PUT', `/api/numbers/${number.id}/routing`, bodyOf(draft)),
    );
    if (done !== undefined) {
      setSaved(t('routing.saved'));
      await loaded.reload();
    }
  }
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  return (
    <form className="card" onSubmit={save} noValidate>
      {loaded.data.policy === null ? <p className="muted">{t('routing.notSet')}</p> : null}
      <fieldset>
        <legend>{t('routing.strategy')}</legend>
        {STRATEGIES.map((strategy) => (
          <label key={strategy} className="radio">
            <input
              type="radio"
              name={`strategy-${number.id}`}
              value={strategy}
              checked={draft.strategy === strategy}
              onChange={() =>
                set({
                  strategy,
                  // A cascade starts from the members already chosen, in that order.
                  steps:
                    strategy === 'cascade' && draft.steps.length === 0
                      ? draft.members.map((memberId) => ({ memberId, ringSeconds: '15' }))
                      : draft.steps,
                })
              }
            />{' '}
            {t(`routing.${strategy}`)}
          </label>
        ))}
      </fieldset>
      {draft.strategy === 'simultaneous' ? (
        <>
          <MemberChecks
            members={members}
            selected={draft.members}
            onChange={(selected) => set({ members: selected })}
            error={err('members')}
          />
          <Field
            label={t('routing.ringSeconds')}
            inputMode="numeric"
            value={draft.ringSeconds}
            onChange={(e) => set({ ringSeconds: e.target.value })}
            error={err('ringSeconds')}
          />
        </>
      ) : null}
      {draft.strategy === 'cascade' ? (
        <CascadeSteps
          steps={draft.steps}
          members={members}
          onChange={(steps) => set({ steps })}
          error={err}
        />
      ) : null}
      {draft.strategy === 'ivr' ? (
        <IvrMenu draft={draft} members={members} onChange={setDraft} error={err} />
      ) : null}
      {draft.strategy === 'ai_receptionist' && !receptionist ? <UpgradeNotice /> : null}
      {draft.strategy === 'ai_receptionist' && receptionist ? (
        <ReceptionistIntents
          draft={draft}
          members={members}
          onChange={setDraft}
          error={err}
          errorUnder={errUnder}
        />
      ) : null}
      <TargetFields
        label={t('routing.fallback')}
        kinds={FALLBACK_KINDS}
        target={draft.fallback}
        members={members}
        onChange={(fallback) => set({ fallback })}
        error={err}
        path="fallback"
      />
      <ApiNotice error={submit.error} />
      <Done text={saved} />
      <button type="submit" disabled={submit.busy || (draft.strategy === 'ai_receptionist' && !receptionist)}>
        {common('common.save')}
      </button>
    </form>
  );
}
