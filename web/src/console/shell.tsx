import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../ui/session.tsx';
import { Link } from './router.tsx';
import { RoutingScreen } from './routing/routing-screen.tsx';
import { BillingScreen } from './screens/billing.tsx';
import { CallDetailScreen } from './screens/call-detail.tsx';
import { ChecklistScreen } from './screens/checklist.tsx';
import { ConnectionScreen } from './screens/connection.tsx';
import { DashboardScreen } from './screens/dashboard.tsx';
import { HoursScreen } from './screens/hours.tsx';
import { IntegrationsScreen } from './screens/integrations.tsx';
import { MemberCallsScreen } from './screens/member-calls.tsx';
import { MyNumberScreen } from './screens/my-number.tsx';
import { NumbersScreen } from './screens/numbers.tsx';
import { SupervisionScreen } from './screens/supervision.tsx';
import { TeamScreen } from './screens/team.tsx';
import { TroubleshootingScreen } from './screens/troubleshooting.tsx';
import { type ConsoleKey, useConsoleText } from './texts.ts';
import type { ConsoleMe } from './types.ts';

const ADMIN_NAV: Array<[string, ConsoleKey]> = [
  ['/', 'nav.home'],
  ['/team', 'nav.team'],
  ['/billing', 'nav.billing'],
  ['/numbers', 'nav.numbers'],
  ['/hours', 'nav.hours'],
  ['/routing', 'nav.routing'],
  ['/integrations', 'nav.integrations'],
  ['/dashboard', 'nav.dashboard'],
  ['/supervision', 'nav.supervision'],
  ['/troubleshooting', 'nav.troubleshooting'],
  ['/my-number', 'nav.myNumber'],
];
// Members see what concerns them; the API refuses them the admin screens anyway.
const MEMBER_NAV: Array<[string, ConsoleKey]> = [
  ['/my-number', 'nav.myNumber'],
  ['/team', 'nav.team'],
];

export function Shell({ me, path, signOut }: { me: ConsoleMe; path: string; signOut: () => Promise<void> }) {
  const t = useConsoleText();
  const { t: common } = useI18n();
  const admin = me.member.role === 'admin';
  const nav = admin ? ADMIN_NAV : MEMBER_NAV;
  const section = `/${path.split('/')[1] ?? ''}`;
  return (
    <div className="console">
      <header className="topbar">
        <div className="brand">
          <strong>{common('app.title')}</strong> <span>{me.account.name}</span>
        </div>
        <div className="topbar-actions">
          <span className="muted">{t('shell.signedInAs', { name: me.member.name })}</span>
          <LanguageSwitch />
          <button type="button" className="secondary" onClick={signOut}>
            {common('signout')}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('nav.label')}>
        <ul>
          {nav.map(([to, key]) => (
            <li key={to}>
              <Link to={to} current={section === to}>
                {t(key)}
              </Link>
            </li>
          ))}
          <li>
            <a href="/dialer">{t('nav.dialer')}</a>
          </li>
        </ul>
      </nav>
      <main className="screen">
        <Screen me={me} path={path} admin={admin} />
      </main>
    </div>
  );
}

function Screen({ me, path, admin }: { me: ConsoleMe; path: string; admin: boolean }) {
  const parts = path.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'team':
      return <TeamScreen me={me} />;
    case 'billing':
      return <BillingScreen />;
    case 'numbers':
      return <NumbersScreen />;
    case 'hours':
      return <HoursScreen me={me} />;
    case 'routing':
      return <RoutingScreen me={me} />;
    case 'integrations':
      return parts[1] ? <ConnectionScreen id={parts[1]} /> : <IntegrationsScreen />;
    case 'dashboard':
      return <DashboardScreen me={me} />;
    case 'supervision':
      return <Supervision me={me} kind={parts[1]} id={parts[2]} />;
    case 'troubleshooting':
      return <TroubleshootingScreen me={me} />;
    case 'my-number':
      return <MyNumberScreen me={me} />;
    default:
      return admin ? <ChecklistScreen /> : <MyNumberScreen me={me} />;
  }
}

/** /supervision, /supervision/members/:id (a member's calls), /supervision/calls/:id (one call). */
function Supervision({ me, kind, id }: { me: ConsoleMe; kind: string | undefined; id: string | undefined }) {
  if (kind === 'members' && id) return <MemberCallsScreen me={me} memberId={id} />;
  if (kind === 'calls' && id) return <CallDetailScreen me={me} callId={id} />;
  return <SupervisionScreen me={me} />;
}
