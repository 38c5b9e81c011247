import { useEffect, useRef, useState } from 'react';
import { api, setBearer } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Me } from '../ui/session.tsx';
import { useDialerText } from './texts.ts';

/** Where the popup signs in: Parley's own origin at top level, so its session cookie works there. */
export const POPUP_PATH = '/dialer/popup-sign-in';

/** What the popup posts back to the dialer that opened it. */
export interface TokenMessage {
  type: 'parley.token';
  token: string;
  expiresAt: string;
}

export function isTokenMessage(data: unknown): data is TokenMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<Record<keyof TokenMessage, unknown>>;
  return (
    message.type === 'parley.token' &&
    typeof message.token === 'string' &&
    typeof message.expiresAt === 'string'
  );
}

/** In a CRM's iframe the browser blocks or partitions Parley's cookie: the session cannot be used. */
export function isFramed(): boolean {
  return window.top !== window;
}

/**
 * The framed dialer's way in: a Parley popup signs in (first-party, so with the session), mints
 * an embed token and posts it back here; the token lives in memory only. When it expires the API
 * answers 401 and this screen comes back: one click again, and the popup, still signed in, mints
 * the next token without asking for the password.
 */
export function EmbedSignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const t = useDialerText();
  const { locale } = useI18n();
  const [state, setState] = useState<'idle' | 'waiting' | 'blocked'>('idle');
  const popup = useRef<Window | null>(null);

  useEffect(() => {
    const listener = (event: MessageEvent<unknown>) => {
      // Only the popup this dialer opened, on Parley's own origin, may hand it a token: a CRM
      // page (or anything else) posting a token of its choosing must not sign the dialer in.
      if (event.origin !== window.location.origin || event.source !== popup.current) return;
      if (!isTokenMessage(event.data)) return;
      setBearer(event.data.token);
      api<Me>('GET', '/api/me').then(onSignedIn, () => {
        setBearer(null);
        setState('idle');
      });
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [onSignedIn]);

  function open() {
    popup.current = window.open(
      `${POPUP_PATH}?lang=${locale}`,
      'parley-sign-in',
      'popup,width=440,height=640',
    );
    setState(popup.current ? 'waiting' : 'blocked');
  }

  return (
    <section className="card embed-sign-in">
      <p>{t('embed.why')}</p>
      <button type="button" onClick={open}>
        {t('embed.open')}
      </button>
      {state === 'waiting' ? <p role="status">{t('embed.waiting')}</p> : null}
      {state === 'blocked' ? <p role="alert">{t('embed.blocked')}</p> : null}
    </section>
  );
}
