import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { api } from '../../api/client.ts';
import { CRM_NAMES } from '../format.ts';
import { asApiError } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { Link } from '../router.tsx';
import { type ConsoleKey, type ConsoleT, useConsoleText } from '../texts.ts';
import type {
  Billing,
  CrmConnection,
  HoursAnswer,
  Invitation,
  Member,
  PhoneNumber,
  RoutingPolicy,
} from '../types.ts';

interface Facts {
  numbers: PhoneNumber[];
  billing: Billing;
  members: Member[];
  invitations: Invitation[];
  hours: HoursAnswer;
  connections: CrmConnection[];
  unrouted: string[];
}

/** Everything the checklist needs, read from the API each time the screen opens (no stale progress). */
async function readFacts(): Promise<Facts> {
  const [numbers, billing, members, invitations, hours, crm] = await Promise.all([
    api<{ numbers: PhoneNumber[] }>('GET', '/api/numbers'),
    api<Billing>('GET', '/api/billing'),
    api<{ members: Member[] }>('GET', '/api/team/members'),
    api<{ invitations: Invitation[] }>('GET', '/api/team/invitations'),
    api<HoursAnswer>('GET', '/api/business-hours'),
    api<{ connections: CrmConnection[] }>('GET', '/api/crm/connections'),
  ]);
  const policies = await Promise.all(
    numbers.numbers.map((n) =>
      api<{ policy: RoutingPolicy | null }>('GET', `/api/numbers/${n.id}/routing`).then((r) => ({
        n,
        policy: r.policy,
      })),
    ),
  );
  return {
    numbers: numbers.numbers,
    billing,
    members: members.members,
    invitations: invitations.invitations,
    hours,
    connections: crm.connections,
    unrouted: policies.filter((p) => p.policy === null).map((p) => p.n.e164),
  };
}

interface Item {
  id: string;
  title: ConsoleKey;
  screen: ConsoleKey;
  to: string;
  done: boolean;
  detail: string;
}

function items(f: Facts, t: ConsoleT): Item[] {
  const pending = f.invitations.filter((i) => i.state === 'pending').length;
  return [
    {
      id: 'number',
      title: 'check.number',
      screen: 'nav.numbers',
      to: '/numbers',
      done: f.numbers.length > 0,
      detail:
        f.numbers.length > 0
          ? t('check.number.done', {
              count: f.numbers.length,
              numbers: f.numbers.map((n) => n.e164).join(', '),
            })
          : t('check.number.missing'),
    },
    {
      id: 'seats',
      title: 'check.seats',
      screen: 'nav.billing',
      to: '/billing',
      done: f.billing.seats > 1,
      detail:
        f.billing.seats > 1
          ? t('check.seats.done', { seats: f.billing.seats, used: f.billing.seatsUsed.total })
          : t('check.seats.missing'),
    },
    {
      id: 'invitations',
      title: 'check.invitations',
      screen: 'nav.team',
      to: '/team',
      done: f.members.length > 1 || pending > 0,
      detail:
        f.members.length > 1 || pending > 0
          ? t('check.invitations.done', { members: f.members.length, pending })
          : t('check.invitations.missing'),
    },
    {
      id: 'hours',
      title: 'check.hours',
      screen: 'nav.hours',
      to: '/hours',
      done: !f.hours.isDefault,
      detail: f.hours.isDefault ? t('check.hours.missing') : t('check.hours.done'),
    },
    {
      id: 'routing',
      title: 'check.routing',
      screen: 'nav.routing',
      to: '/routing',
      done: f.numbers.length > 0 && f.unrouted.length === 0,
      detail:
        f.numbers.length === 0
          ? t('check.routing.noNumber')
          : f.unrouted.length === 0
            ? t('check.routing.done')
            : t('check.routing.missing', { numbers: f.unrouted.join(', ') }),
    },
    {
      id: 'crm',
      title: 'check.crm',
      screen: 'nav.integrations',
      to: '/integrations',
      done: f.connections.length > 0,
      detail:
        f.connections.length > 0
          ? t('check.crm.done', { crms: f.connections.map((c) => CRM_NAMES[c.kind] ?? c.kind).join(', ') })
          : t('check.crm.missing'),
    },
  ];
}

export function ChecklistScreen() {
  const t = useConsoleText();
  const [facts, setFacts] = useState<Facts | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    readFacts().then(setFacts, (caught) => setError(asApiError(caught)));
  }, []);
  const list = facts ? items(facts, t) : [];
  const done = list.filter((i) => i.done).length;
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <ApiNotice error={error} />
      {facts ? (
        <>
          <p className="progress-line">
            <progress
              max={list.length}
              value={done}
              aria-label={t('home.progress', { done, total: list.length })}
            />{' '}
            <span data-testid="checklist-progress">{t('home.progress', { done, total: list.length })}</span>
          </p>
          <ol className="checklist">
            {list.map((item) => (
              <li key={item.id} className={item.done ? 'is-done' : 'is-todo'} data-step={item.id}>
                <span className="badge">{item.done ? t('home.done') : t('home.todo')}</span>
                <div>
                  <strong>{t(item.title)}</strong>
                  <p>{item.detail}</p>
                  <Link to={item.to}>{t('home.go', { screen: t(item.screen) })}</Link>
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
