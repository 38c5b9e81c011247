import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field, SelectField } from '../../ui/field.tsx';
import { count, hourOfDay, shortDay } from '../format.ts';
import { useLoad } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { ConsoleMe, Dashboard as Figures, Member } from '../types.ts';
import { BusinessOnly } from './business-only.tsx';
import { FigureCards, MemberTable } from './dashboard-figures.tsx';
import { VolumeChart } from './volume-chart.tsx';

interface Query {
  from: string;
  to: string;
  memberId: string;
}

function pathOf(query: Query): string {
  const params = new URLSearchParams();
  // Empty dates let the API pick its default: the last 30 days in the account's time zone.
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.memberId) params.set('memberId', query.memberId);
  const search = params.toString();
  return `/api/analytics/dashboard${search ? `?${search}` : ''}`;
}

/** The team's (or one member's) calls over a range of the account's days: figures, members, trends. */
export function DashboardScreen({ me }: { me: ConsoleMe }) {
  const t = useConsoleText();
  return (
    <BusinessOnly me={me} feature="dashboard" title={t('dash.title')}>
      <DashboardView />
    </BusinessOnly>
  );
}

function DashboardView() {
  const t = useConsoleText();
  const { locale } = useI18n();
  const [form, setForm] = useState<Query>({ from: '', to: '', memberId: '' });
  const [asked, setAsked] = useState<Query>(form);
  const result = useLoad<Figures>(pathOf(asked));
  const members = useLoad<{ members: Member[] }>('/api/team/members');
  const data = result.data;
  // The first answer carries the default range: show it in the date fields so it can be edited.
  useEffect(() => {
    if (data) setForm((f) => (f.from || f.to ? f : { ...f, from: data.from, to: data.to }));
  }, [data]);
  const fields = result.error?.fields ?? {};
  function show(event: FormEvent) {
    event.preventDefault();
    setAsked(form);
  }
  // Stable across renders so typing in the form does not redraw the charts.
  const format = useCallback((value: number) => count(locale, value), [locale]);
  const days = useMemo(
    () => (data?.byDay ?? []).map((d) => ({ ...d, label: shortDay(locale, d.day) })),
    [data, locale],
  );
  const hours = useMemo(
    () => (data?.byHour ?? []).map((h) => ({ ...h, label: hourOfDay(locale, h.hour) })),
    [data, locale],
  );
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">{t('dash.title')}</h1>
      <form className="card inline-form dash-form" onSubmit={show} noValidate>
        <Field
          label={t('dash.from')}
          type="date"
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
          error={fields.from ?? fields['query.from']}
        />
        <Field
          label={t('dash.to')}
          type="date"
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
          error={fields.to ?? fields['query.to']}
        />
        <SelectField
          label={t('dash.who')}
          value={form.memberId}
          onChange={(e) => setForm({ ...form, memberId: e.target.value })}
          error={fields.memberId ?? fields['query.memberId']}
        >
          <option value="">{t('dash.team')}</option>
          {(members.data?.members ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('dash.show')}</button>
      </form>
      <ApiNotice error={result.error ?? members.error} />
      {data ? (
        <>
          <p className="muted" data-testid="dash-range">
            {t('dash.range', {
              from: shortDay(locale, data.from),
              to: shortDay(locale, data.to),
              timeZone: data.timeZone,
            })}
          </p>
          <h2>{t('dash.figures')}</h2>
          <FigureCards totals={data.team} />
          <h2>{t('dash.members')}</h2>
          <MemberTable members={data.members} names={members.data?.members ?? []} />
          <div className="charts">
            <VolumeChart title={t('dash.byDay')} column={t('dash.dayCol')} points={days} format={format} />
            <VolumeChart title={t('dash.byHour')} column={t('dash.hourCol')} points={hours} format={format} />
          </div>
        </>
      ) : null}
    </section>
  );
}
