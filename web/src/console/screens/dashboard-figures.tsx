import { useI18n } from '../../i18n/i18n.tsx';
import { count, duration, percent } from '../format.ts';
import { useConsoleText } from '../texts.ts';
import type { Member, Totals } from '../types.ts';

/** The five headline figures of the team (or of the member picked), each with what it counts. */
export function FigureCards({ totals }: { totals: Totals }) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const cards = [
    {
      id: 'calls',
      label: t('dash.calls'),
      value: count(locale, totals.calls),
      detail: t('dash.callsDetail', {
        inbound: count(locale, totals.inbound),
        outbound: count(locale, totals.outbound),
      }),
    },
    {
      id: 'answer-rate',
      label: t('dash.answerRate'),
      value: percent(locale, totals.answerRate),
      detail: t('dash.answerRateDetail', { answered: count(locale, totals.answered) }),
    },
    {
      id: 'missed',
      label: t('dash.missed'),
      value: count(locale, totals.missed),
      detail: t('dash.missedDetail', { afterHours: count(locale, totals.afterHours) }),
    },
    { id: 'talk', label: t('dash.talk'), value: duration(locale, totals.averageTalkSeconds), detail: '' },
    {
      id: 'response',
      label: t('dash.response'),
      value: duration(locale, totals.averageResponseSeconds),
      detail: t('dash.responseDetail'),
    },
  ];
  return (
    <ul className="figures">
      {cards.map((card) => (
        <li key={card.id} className="card figure" data-figure={card.id}>
          <span className="figure-label">{card.label}</span>
          <strong className="figure-value" data-testid={`figure-${card.id}`}>
            {card.value}
          </strong>
          {card.detail ? <span className="muted">{card.detail}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * One row per member who took or was rung for a call. The table keeps its columns at any width and
 * scrolls sideways inside its own box on a phone; that box takes the focus so keyboards can scroll it.
 */
export function MemberTable({ members, names }: { members: Record<string, Totals>; names: Member[] }) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const rows = Object.entries(members)
    .map(([id, totals]) => ({
      id,
      totals,
      name: names.find((m) => m.id === id)?.name ?? t('dash.formerMember'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  if (rows.length === 0) return <p>{t('dash.noMembers')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('dash.tableScroll')}>
      <table className="figures-table">
        <thead>
          <tr>
            <th scope="col">{t('dash.memberCol')}</th>
            <th scope="col">{t('dash.calls')}</th>
            <th scope="col">{t('dash.answeredCol')}</th>
            <th scope="col">{t('dash.missed')}</th>
            <th scope="col">{t('dash.answerRate')}</th>
            <th scope="col">{t('dash.talk')}</th>
            <th scope="col">{t('dash.response')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, name, totals }) => (
            <tr key={id} data-member-row={id}>
              <th scope="row">{name}</th>
              <td>{count(locale, totals.calls)}</td>
              <td>{count(locale, totals.answered)}</td>
              <td>{count(locale, totals.missed)}</td>
              <td>{percent(locale, totals.answerRate)}</td>
              <td>{duration(locale, totals.averageTalkSeconds)}</td>
              <td>{duration(locale, totals.averageResponseSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
