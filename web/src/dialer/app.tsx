import { useCallback, useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Me } from '../ui/session.tsx';
import { LanguageSwitch, Session } from '../ui/session.tsx';
import { Dialer } from './dialer.tsx';
import { EmbedSignIn, isFramed } from './embed-sign-in.tsx';
import { hostFromUrl } from './hosts.ts';
import type { DialerMe } from './types.ts';

/**
 * `/api/me` answers more than the shared session type names: the account's default country
 * (how typed numbers are read) and its plan's features (whether the browser may call).
 */
function dialerMe(me: Me): DialerMe {
  const account: Partial<DialerMe['account']> = me.account;
  return {
    member: me.member,
    account: {
      id: me.account.id,
      name: me.account.name,
      defaultCountry: typeof account.defaultCountry === 'string' ? account.defaultCountry : 'FR',
      features: Array.isArray(account.features) ? account.features : [],
    },
  };
}

export function App() {
  const { t } = useI18n();
  // Made before sign-in: hosts such as HubSpot's expect the widget to greet them on load.
  const host = useMemo(() => hostFromUrl(), []);
  const reportSession = useCallback(
    (me: Me | null) =>
      host.signedIn(me ? { id: me.member.id, name: me.member.name, email: me.member.email } : null),
    [host],
  );
  return (
    <Session
      signInExtra={isFramed() ? (onSignedIn) => <EmbedSignIn onSignedIn={onSignedIn} /> : undefined}
      onChange={reportSession}
    >
      {(me, signOut) => (
        <Dialer
          me={dialerMe(me)}
          host={host}
          actions={
            <>
              <LanguageSwitch />
              <button type="button" className="secondary" onClick={signOut}>
                {t('signout')}
              </button>
            </>
          }
        />
      )}
    </Session>
  );
}
