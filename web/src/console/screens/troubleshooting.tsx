import { useI18n } from '../../i18n/i18n.tsx';
import { useLoad } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { Link } from '../router.tsx';
import { type ConsoleKey, useConsoleText } from '../texts.ts';
import type { ConsoleMe, Diagnosis, Problem } from '../types.ts';
import { findingText, fixScreen } from './finding-text.ts';

const PROBLEM_SCREEN: Record<Problem, { to: string; screen: ConsoleKey }> = {
  invitation_not_received: { to: '/team', screen: 'nav.team' },
  cannot_add_members: { to: '/billing', screen: 'nav.billing' },
  calls_not_routing: { to: '/routing', screen: 'nav.routing' },
  crm_not_syncing: { to: '/integrations', screen: 'nav.integrations' },
};

/** The seed's four support questions, each answered live for this account, with where to fix what is found. */
export function TroubleshootingScreen({ me }: { me: ConsoleMe }) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const result = useLoad<{ diagnoses: Diagnosis[] }>('/api/troubleshooting');
  return (
    <section aria-labelledby="trouble-title">
      <h1 id="trouble-title">{t('trouble.title')}</h1>
      <p>{t('trouble.intro')}</p>
      <button type="button" className="secondary" onClick={() => void result.reload()}>
        {t('trouble.recheck')}
      </button>
      <ApiNotice error={result.error} />
      <ul className="rows trouble" aria-live="polite">
        {(result.data?.diagnoses ?? []).map((diagnosis) => {
          const home = PROBLEM_SCREEN[diagnosis.problem];
          const titleId = `problem-${diagnosis.problem}`;
          return (
            <li key={diagnosis.problem} className="card problem" data-problem={diagnosis.problem}>
              <h2 id={titleId}>{t(`trouble.problem.${diagnosis.problem}`)}</h2>
              <p className={diagnosis.ok ? 'verdict verdict-ok' : 'verdict verdict-bad'}>
                {diagnosis.ok ? t('trouble.ok') : t('trouble.problem')}
              </p>
              <ul className="findings" aria-labelledby={titleId}>
                {diagnosis.findings.map((finding, index) => {
                  const fix = fixScreen(finding.code);
                  return (
                    <li
                      // Findings of one problem repeat codes (one per number, per CRM): the order is the key.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      key={index}
                      className={finding.ok ? 'finding finding-ok' : 'finding finding-bad'}
                      data-code={finding.code}
                    >
                      <span className="badge">
                        {finding.ok ? t('trouble.findingOk') : t('trouble.findingBad')}
                      </span>{' '}
                      <span className="wrap">{findingText(t, locale, finding, me.account.timeZone)}</span>
                      {finding.ok ? null : (
                        <>
                          {' '}
                          <Link to={fix.to}>{t('trouble.fixIn', { screen: t(fix.screen) })}</Link>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
              {diagnosis.ok ? (
                <p>
                  <Link to={home.to}>{t('home.go', { screen: t(home.screen) })}</Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
