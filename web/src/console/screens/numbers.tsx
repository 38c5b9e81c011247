import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CheckField } from '../../ui/check-field.tsx';
import { Field, SelectField } from '../../ui/field.tsx';
import { COUNTRIES, countryName } from '../format.ts';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice, Done } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { AvailableNumber, Member, NumberType, PhoneNumber } from '../types.ts';
import { AssignSelect, assignmentOf, assignmentValue } from './assign-select.tsx';

const TYPES: NumberType[] = ['local', 'mobile', 'toll_free'];

/** The team's numbers (reassign them) and the search for new ones (country, type, area code), bought in one click. */
export function NumbersScreen() {
  const t = useConsoleText();
  const { locale } = useI18n();
  const owned = useLoad<{ numbers: PhoneNumber[] }>('/api/numbers');
  const members = useLoad<{ members: Member[] }>('/api/team/members');
  const [country, setCountry] = useState('FR');
  const [type, setType] = useState<NumberType>('local');
  const [areaCode, setAreaCode] = useState('');
  const [results, setResults] = useState<AvailableNumber[] | null>(null);
  const [assign, setAssign] = useState<Record<string, string>>({});
  const [bought, setBought] = useState<string | null>(null);
  const search = useSubmit();
  const buy = useSubmit();
  const patch = useSubmit();
  const team = members.data?.members ?? [];

  async function find(event: FormEvent) {
    event.preventDefault();
    const query = new URLSearchParams({ country, type, limit: '10' });
    if (areaCode.trim()) query.set('areaCode', areaCode.trim());
    const found = await search.run(() =>
      api<{ numbers: AvailableNumber[] }>('GET', `/api/numbers/available?${query}`),
    );
    if (found) setResults(found.numbers);
  }
  async function purchase(n: AvailableNumber) {
    const done = await buy.run(() =>
      api<PhoneNumber>('POST', '/api/numbers', {
        e164: n.e164,
        assignTo: assignmentOf(assign[n.e164] ?? ''),
      }),
    );
    if (!done) return;
    setBought(t('numbers.bought', { number: done.e164 }));
    setResults((old) => old?.filter((r) => r.e164 !== n.e164) ?? null);
    await owned.reload();
  }
  async function reassign(n: PhoneNumber, value: string) {
    if (await patch.run(() => api('PATCH', `/api/numbers/${n.id}`, { assignTo: assignmentOf(value) })))
      await owned.reload();
  }
  async function setDoNotRecord(n: PhoneNumber, doNotRecord: boolean) {
    if (await patch.run(() => api('PATCH', `/api/numbers/${n.id}`, { doNotRecord }))) await owned.reload();
  }
  const queryError = (name: string) => search.error?.fields[`query.${name}`];
  return (
    <section aria-labelledby="numbers-title">
      <h1 id="numbers-title">{t('numbers.title')}</h1>
      <h2>{t('numbers.owned')}</h2>
      <ApiNotice error={owned.error ?? patch.error} />
      <Done text={bought} />
      {owned.data && owned.data.numbers.length === 0 ? <p>{t('numbers.none')}</p> : null}
      <ul className="rows">
        {(owned.data?.numbers ?? []).map((n) => (
          <li key={n.id} className="row card" data-number={n.e164}>
            <div className="row-main">
              <strong>{n.e164}</strong>
              <span className="muted">{countryName(locale, n.country)}</span>
              {n.doNotRecord ? <span className="muted">{t('numbers.recordingOff')}</span> : null}
            </div>
            <div className="row-actions">
              <CheckField
                label={t('numbers.doNotRecord', { number: n.e164 })}
                checked={n.doNotRecord}
                disabled={patch.busy}
                onChange={(e) => setDoNotRecord(n, e.target.checked)}
              />
              <AssignSelect
                label={t('numbers.assignOwned', { number: n.e164 })}
                value={assignmentValue(n)}
                members={team}
                disabled={patch.busy}
                onChange={(value) => reassign(n, value)}
              />
            </div>
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={find} noValidate>
        <h2>{t('numbers.search')}</h2>
        <div className="grid-3">
          <SelectField
            label={t('numbers.country')}
            value={country}
            onChange={(e) => setCountry(e.target.value)}
            error={queryError('country')}
          >
            {COUNTRIES.map((code) => (
              <option key={code} value={code}>
                {countryName(locale, code)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('numbers.type')}
            value={type}
            onChange={(e) => setType(TYPES.find((x) => x === e.target.value) ?? 'local')}
            error={queryError('type')}
          >
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`numbers.type.${x}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('numbers.areaCode')}
            inputMode="numeric"
            value={areaCode}
            onChange={(e) => setAreaCode(e.target.value)}
            error={queryError('areaCode')}
          />
        </div>
        <ApiNotice error={search.error} />
        <button type="submit" disabled={search.busy}>
          {t('numbers.find')}
        </button>
      </form>
      {results ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t('numbers.results')}</h2>
          <ApiNotice error={buy.error} />
          {results.length === 0 ? <p>{t('numbers.noResults')}</p> : null}
          <ul className="rows">
            {results.map((n) => (
              <li key={n.e164} className="row card" data-available={n.e164}>
                <div className="row-main">
                  <strong>{n.e164}</strong>
                  <span className="muted">{[n.locality, n.region].filter(Boolean).join(', ')}</span>
                </div>
                <div className="row-actions">
                  <AssignSelect
                    label={t('numbers.assignNew', { number: n.e164 })}
                    value={assign[n.e164] ?? ''}
                    members={team}
                    onChange={(value) => setAssign((old) => ({ ...old, [n.e164]: value }))}
                    error={buy.error?.fields.assignTo}
                  />
                  <button type="button" disabled={buy.busy} onClick={() => purchase(n)}>
                    {t('numbers.buy', { number: n.e164 })}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
