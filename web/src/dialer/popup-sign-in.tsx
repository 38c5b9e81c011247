import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { SignIn } from '../ui/session.tsx';
import type { TokenMessage } from './embed-sign-in.tsx';
import { useDialerText } from './texts.ts';

type State = 'checking' | 'signIn' | 'done' | 'noOpener' | { failed: string };

/**
 * The popup the framed dialer opens (/dialer/popup-sign-in). It runs at top level on Parley's
 * origin, so the session cookie works: it signs in if needed, mints an embed token and posts it
 * to the dialer, which is on this same origin (so the message is sent to this origin only).
 */
export function PopupSignIn() {
  const t = useDialerText();
  const [state, setState] = useState<State>('checking');

  const handOver = useCallback(async () => {
    const opener: Window | null = window.opener;
    if (!opener) return setState('noOpener');
    const minted = await api<{ token: string; expiresAt: string }>('POST', '/api/session/embed-token');
    const message: TokenMessage = { type: 'parley.token', ...minted };
    opener.postMessage(message, window.location.origin);
    setState('done');
    window.close();
  }, []);

  const fail = useCallback((caught: unknown) => {
    setState({ failed: caught instanceof Error ? caught.message : String(caught) });
  }, []);

  useEffect(() => {
    // Signed in on Parley already (the token expired, the rep clicked again): no form to fill.
    handOver().catch((caught: unknown) =>
      caught instanceof ApiError && caught.status === 401 ? setState('signIn') : fail(caught),
    );
  }, [handOver, fail]);

  if (state === 'signIn') return <SignIn onSignedIn={() => handOver().catch(fail)} />;
  return (
    <main className="signin">
      <section className="card">
        <h1>{t('popup.title')}</h1>
        {state === 'checking' ? <p aria-busy="true" /> : null}
        {state === 'done' ? <p role="status">{t('popup.done')}</p> : null}
        {state === 'noOpener' ? <p role="alert">{t('popup.noOpener')}</p> : null}
        {typeof state === 'object' ? (
          <p role="alert">{t('popup.failed', { message: state.failed })}</p>
        ) : null}
      </section>
    </main>
  );
}
