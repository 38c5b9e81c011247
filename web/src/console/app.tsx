import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { LanguageSwitch, RefreshSessionProvider, Session } from '../ui/session.tsx';
import { Link, navigate, usePath } from './router.tsx';
import { JoinScreen } from './screens/join.tsx';
import { SignUpScreen } from './screens/sign-up.tsx';
import { Shell } from './shell.tsx';
import { useConsoleText } from './texts.ts';
import type { ConsoleMe } from './types.ts';

/**
 * Who is signed in decides the page: the join link and sign-up work signed out, everything else
 * goes through the shared sign-in (ui/session.tsx) and then the console shell.
 */
export function App() {
  const path = usePath();
  const [me, setMe] = useState<ConsoleMe | null | undefined>(undefined);
  useEffect(() => {
    api<ConsoleMe>('GET', '/api/me').then(setMe, () => setMe(null));
  }, []);
  const signOut = useCallback(async () => {
    await api('DELETE', '/api/session');
    setMe(null);
    navigate('/');
  }, []);
  const refresh = useCallback(async () => {
    setMe(await api<ConsoleMe>('GET', '/api/me'));
  }, []);
  const signedIn = useCallback((next: ConsoleMe, to: string) => {
    setMe(next);
    navigate(to);
  }, []);

  if (path === '/join' && !me) return <JoinScreen onJoined={(next) => signedIn(next, '/my-number')} />;
  if (me === undefined) return <p aria-busy="true" className="loading" />;
  if (me === null) {
    if (path === '/signup') return <SignUpScreen onSignedUp={(next) => signedIn(next, '/')} />;
    return <SignInPage onSignedIn={setMe} />;
  }
  return (
    <RefreshSessionProvider value={refresh}>
      <Shell me={me} path={path} signOut={signOut} />
    </RefreshSessionProvider>
  );
}

function SignInPage({ onSignedIn }: { onSignedIn: (me: ConsoleMe) => void }) {
  const t = useConsoleText();
  return (
    <>
      <Session>{() => <Adopt onMe={onSignedIn} />}</Session>
      <nav className="signin-extra" aria-label={t('signin.noAccount')}>
        <Link to="/signup">{t('signin.noAccount')}</Link>
        <LanguageSwitch />
      </nav>
    </>
  );
}

/** The shared sign-in knows less about the account than the console needs (plan, features): read it again. */
function Adopt({ onMe }: { onMe: (me: ConsoleMe) => void }) {
  useEffect(() => {
    api<ConsoleMe>('GET', '/api/me').then(onMe, () => undefined);
  }, [onMe]);
  return null;
}
