import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch, Session } from '../ui/session.tsx';

export function App() {
  const { t } = useI18n();
  return (
    <Session>
      {(me, signOut) => (
        <div className="dialer">
          <header>
            <strong>{t('app.title')}</strong> — {me.member.name}
            <LanguageSwitch />
            <button type="button" className="secondary" onClick={signOut}>
              {t('signout')}
            </button>
          </header>
        </div>
      )}
    </Session>
  );
}
