import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CheckField } from '../../ui/check-field.tsx';
import { Field, SelectField } from '../../ui/field.tsx';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice, Done } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { Fallback, Member, PhoneNumber, RoutingPolicy } from '../types.ts';
import { CascadeSteps, type Step } from './cascade-steps.tsx';

/** What the form edits; kept whole while switching strategy so nothing typed is lost. */
interface Draft {
  strategy: 'simultaneous' | 'cascade';
  members: string[];
  ringSeconds: string;
  steps: Step[];
  fallback: Fallback;
}

function draftOf(policy: RoutingPolicy | null, number: PhoneNumber): Draft {
  const base: Draft = {
    strategy: 'simultaneous',
    members: number.assignedMemberId ? [number.assignedMemberId] : [],
    ringSeconds: '20',
    steps: [],
    fallback: policy?.fallback ?? { kind: 'voicemail' },
  };
  if (policy?.strategy === 'simultaneous')
    return { ...base, members: policy.members, ringSeconds: String(policy.ringSeconds) };
  if (policy?.strategy === 'cascade')
    return {
      ...base,
      strategy: 'cascade',
      steps: policy.steps.map((s) => ({ memberId: s.memberId, ringSeconds: String(s.ringSeconds) })),
    };
  return base;
}

/** Numbers typed by the admin go as numbers; anything else goes as typed for the API to explain. */
const seconds = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text) : text);

function bodyOf(d: Draft) {
  if (d.strategy === 'simultaneous')
    return {
      strategy: d.strategy,
      members: d.members,
      ringSeconds: seconds(d.ringSeconds),
      fallback: d.fallback,
    };
  return {
    strategy: d.strategy,
    steps: d.steps.map((s) => ({ memberId: s.memberId, ringSeconds: seconds(s.ringSeconds) })),
    fallback: d.fallback,
  };
}

/** Per number: everyone at once or a cascade in the admin's order, ring time, and what happens when nobody answers. */
export function RoutingScreen() {
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
        <PolicyEditor key={number.id} number={number} members={members.data.members} />
      ) : null}
      <p className="muted">{t('routing.ivrLater')}</p>
    </section>
  );
}

function PolicyEditor({ number, members }: { number: PhoneNumber; members: Member[] }) {
  const t = useConsoleText();
  const { t: common } = useI18n();
  const loaded = useLoad<{ policy: RoutingPolicy | null }>(`/api/numbers/${number.id}/routing`);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  useEffect(() => {
    if (loaded.data) setDraft(draftOf(loaded.data.policy, number));
  }, [loaded.data, number]);
  if (!draft || !loaded.data) return <ApiNotice error={loaded.error} />;
  const policy = loaded.data.policy;
  const err = (path: string) => submit.error?.fields[path];
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
  const other = policy && (policy.strategy === 'ivr' || policy.strategy === 'ai_receptionist');
  return (
    <form className="card" onSubmit={save} noValidate>
      {policy === null ? <p className="muted">{t('routing.notSet')}</p> : null}
      {other ? <p className="notice">{t('routing.otherStrategy', { strategy: policy.strategy })}</p> : null}
      <fieldset>
        <legend>{t('routing.strategy')}</legend>
        {(['simultaneous', 'cascade'] as const).map((strategy) => (
          <label key={strategy} className="radio">
            <input
              type="radio"
              name={`strategy-${number.id}`}
              value={strategy}
              checked={draft.strategy === strategy}
              onChange={() =>
                setDraft({
                  ...draft,
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
          <fieldset>
            <legend>{t('routing.members')}</legend>
            {members.map((m) => (
              <CheckField
                key={m.id}
                label={m.name}
                checked={draft.members.includes(m.id)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    members: e.target.checked
                      ? [...draft.members, m.id]
                      : draft.members.filter((id) => id !== m.id),
                  })
                }
              />
            ))}
            {err('members') ? (
              <p className="field-error" role="alert">
                {err('members')}
              </p>
            ) : null}
          </fieldset>
          <Field
            label={t('routing.ringSeconds')}
            inputMode="numeric"
            value={draft.ringSeconds}
            onChange={(e) => setDraft({ ...draft, ringSeconds: e.target.value })}
            error={err('ringSeconds')}
          />
        </>
      ) : (
        <CascadeSteps
          steps={draft.steps}
          members={members}
          onChange={(steps) => setDraft({ ...draft, steps })}
          error={err}
        />
      )}
      <SelectField
        label={t('routing.fallback')}
        value={draft.fallback.kind}
        onChange={(e) => {
          const kind = e.target.value;
          const fallback: Fallback =
            kind === 'forward' ? { kind, to: '' } : kind === 'hangup' ? { kind } : { kind: 'voicemail' };
          setDraft({ ...draft, fallback });
        }}
        error={err('fallback.kind') ?? err('fallback')}
      >
        <option value="voicemail">{t('routing.fallback.voicemail')}</option>
        <option value="hangup">{t('routing.fallback.hangup')}</option>
        <option value="forward">{t('routing.fallback.forward')}</option>
      </SelectField>
      {draft.fallback.kind === 'forward' ? (
        <Field
          label={t('routing.forwardTo')}
          type="tel"
          value={draft.fallback.to}
          onChange={(e) => setDraft({ ...draft, fallback: { kind: 'forward', to: e.target.value } })}
          error={err('fallback.to')}
        />
      ) : null}
      <ApiNotice error={submit.error} />
      <Done text={saved} />
      <button type="submit" disabled={submit.busy}>
        {common('common.save')}
      </button>
    </form>
  );
}
