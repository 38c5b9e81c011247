import {
  createContext,
  type FormEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';
import { ApiError, api, onBearerRejected, setBearer } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Field } from './field.tsx';

export interface Me {
  member: { id: string; name: string; email: string; role: 'admin' | 'member' };
  account: { id: string; name: string };
}

const Refresh = createContext<() => Promise<void>>(async () => undefined);

/** Reads `/api/me` again: after a change to what the session says (the plan and its features). */
export const useRefreshSession = () => useContext(Refresh);
/** For apps that hold the signed-in state themselves (the console) to offer the same refresh. */
export const RefreshSessionProvider = Refresh.Provider;

/**
 * Shows the sign-in form until `/api/me` answers, then the app with who is signed in.
 * `signInExtra` adds another way in under the form (the framed dialer's popup sign-in); when
 * the API refuses that way's bearer token, the sign-in screen comes back.
 */
export function Session({
  children,
  signInExtra,
  onChange,
}: {
  children: (me: Me, signOut: () => Promise<void>) => ReactNode;
  signInExtra?: (onSignedIn: (me: Me) => void) => ReactNode;
  /** Told once the session is known, and again at each sign-in or sign-out. */
  onChange?: (me: Me | null) => void;
}) {
  const { t } = useI18n();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api<Me>('GET', '/api/me').then(setMe, () => setMe(null));
    onBearerRejected(() => setMe(null));
    return () => onBearerRejected(null);
  }, []);
  useEffect(() => {
    if (me !== undefined) onChange?.(me);
  }, [me, onChange]);
  const signOut = useCallback(async () => {
    await api('DELETE', '/api/session');
    setBearer(null);
    setMe(null);
  }, []);
  const refresh = useCallback(async () => {
    setMe(await api<Me>('GET', '/api/me'));
  }, []);
  if (me === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  if (me === null) return <SignIn onSignedIn={setMe} extra={signInExtra?.(setMe)} />;
  return <Refresh.Provider value={refresh}>{children(me, signOut)}</Refresh.Provider>;
}

export function SignIn({ onSignedIn, extra }: { onSignedIn: (me: Me) => void; extra?: ReactNode }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      onSignedIn(await api<Me>('POST', '/api/session', { email, password }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught), {}));
    } finally {
      setBusy(false);
    }
  }
  return (
    <main className="signin">
      <form className="card" onSubmit={submit} noValidate>
        <h1>{t('signin.title')}</h1>
        <Field
          label={t('signin.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={error?.fields.email}
        />
        <Field
          label={t('signin.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={error?.fields.password}
        />
        {error && Object.keys(error.fields).length === 0 ? <p role="alert">{error.message}</p> : null}
        <button type="submit" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
      {extra}
    </main>
  );
}

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <button type="button" className="secondary" onClick={() => setLocale(locale === 'fr' ? 'en' : 'fr')}>
      {t('lang.switch')}
    </button>
  );
}
