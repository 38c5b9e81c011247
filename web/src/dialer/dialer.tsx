import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { AfterCall } from './after-call.tsx';
import { AudioNotice } from './audio-notice.tsx';
import { AudioProblem } from './audio-problem.tsx';
import { BrowserCall } from './browser-call.tsx';
import { callerOf } from './caller-lookup.ts';
import { CoachingBadge } from './coaching-badge.tsx';
import { ContactsList } from './contacts-list.tsx';
import { dialRequestFromUrl, withoutDialRequest } from './dial-request.ts';
import { DialScreen } from './dial-screen.tsx';
import type { DialRecord, HostBridge } from './host-bridge.ts';
import { InCall } from './in-call.tsx';
import { IncomingCall } from './incoming-call.tsx';
import { LiveStatus } from './live-status.tsx';
import { PermissionPrompt } from './permission-prompt.tsx';
import { countryOf, dialable, displayNumber, toE164 } from './phone-format.ts';
import { placeCall } from './place-call.ts';
import { PresenceSwitch } from './presence-switch.tsx';
import { QualityCheck } from './quality-check.tsx';
import { RecentCalls } from './recent-calls.tsx';
import { type Tab, Tabs } from './tabs.tsx';
import { useDialerText } from './texts.ts';
import type { DialerMe } from './types.ts';
import { useAudioPort } from './use-audio-port.ts';
import { useCallAudioState } from './use-call-audio.ts';
import { useCallSession } from './use-call-session.ts';
import { useCoaching } from './use-coaching.ts';
import { usePresence } from './use-presence.ts';
import { useVoiceMode } from './use-voice-mode.ts';

/** The signed-in dialer: status, the call on screen, or the keypad, recent calls and contacts. */
export function Dialer({ me, host, actions }: { me: DialerMe; host: HostBridge; actions: ReactNode }) {
  const t = useDialerText();
  const country = countryOf(me.account.defaultCountry);
  const presence = usePresence(me.member.id);
  const voice = useVoiceMode();
  const audio = useAudioPort(voice);
  const { connected } = useCallAudioState(audio);
  const [browserNumber, setBrowserNumber] = useState('');
  const session = useCallSession(me.member.id, audio, host, t);
  const coaching = useCoaching();
  const [tab, setTab] = useState<Tab>('keypad');
  const [raw, setRaw] = useState('');
  const [placing, setPlacing] = useState(false);
  const [callError, setCallError] = useState<string | null>(null);
  const [callMessage, setCallMessage] = useState<string | null>(null);

  // A host or a link asking to dial during a call must not start a second one over it.
  const onCall = useRef(false);
  onCall.current = session.state.phase === 'ringing' || session.state.phase === 'in_call';

  const startCall = useCallback(
    async (number: string, contactId: string | null = null, record?: DialRecord) => {
      if (onCall.current) return;
      const e164 = toE164(number, country);
      setTab('keypad');
      setRaw(dialable(number));
      setCallError(null);
      setCallMessage(null);
      if (!e164) {
        setCallError(t('number.invalid'));
        return;
      }
      setPlacing(true);
      try {
        const placed = await placeCall(e164, contactId, me.account.features.includes('web_dialer'), record);
        const shown = displayNumber(e164, country);
        if (placed.kind === 'simulated') {
          setCallMessage(t('call.placedSimulated', { number: shown }));
          session.placed(placed.call, await callerOf(e164, placed.call.contactId ?? contactId));
        } else if (placed.kind === 'browser') {
          if (!audio.place) setCallError(t('audio.twilioNotReady'));
          else {
            setBrowserNumber(shown);
            await audio.place(placed.connectParams);
          }
        } else
          setCallMessage(
            t('call.ringingYourPhone', { phone: displayNumber(placed.ringing, country), number: shown }),
          );
      } catch (caught) {
        setCallError(
          t('call.failed', { message: caught instanceof ApiError ? caught.message : String(caught) }),
        );
      } finally {
        setPlacing(false);
      }
    },
    [audio, country, me.account.features, session.placed, t],
  );

  // Links (`?call=`, a `tel:` handler) and the host page both prefill the number and start the call, once each.
  const startRef = useRef(startCall);
  startRef.current = startCall;
  useEffect(() => {
    const asked = dialRequestFromUrl(window.location.search);
    if (asked) {
      window.history.replaceState(window.history.state, '', withoutDialRequest(window.location.href));
      void startRef.current(asked);
    }
    return host.onDialRequest((number, record) => void startRef.current(number, null, record));
  }, [host]);

  const { state } = session;
  return (
    <div className="dialer">
      <header className="dialer-header">
        <div className="who">
          <strong>{me.account.name}</strong>
          <span>{me.member.name}</span>
        </div>
        <PresenceSwitch status={presence.status} onChange={presence.change} error={presence.error} />
        <div className="header-actions">{actions}</div>
      </header>
      <LiveStatus connection={session.connection} />
      {state.phase === 'in_call' && coaching.supervised?.callId === state.callId ? (
        <p role="status" className="notice" data-testid="supervised">
          {t(`supervised.${coaching.supervised.mode}`)}
        </p>
      ) : null}
      {state.phase === 'idle' ? (
        <CoachingBadge notices={coaching.notices} onRead={coaching.markRead} />
      ) : null}
      <AudioNotice mode={voice.mode} />
      <AudioProblem audio={audio} />
      {/* Not in the middle of a call: the rep asks for permissions and checks quality when free to read why. */}
      {state.phase === 'idle' ? <PermissionPrompt /> : null}
      {state.phase === 'idle' && voice.mode !== 'plan' ? <QualityCheck voice={voice} /> : null}
      <main className="dialer-main">
        {state.phase === 'idle' && connected ? (
          <BrowserCall audio={audio} number={browserNumber} />
        ) : state.phase === 'ringing' ? (
          <IncomingCall
            callId={state.callId}
            caller={state.caller}
            country={country}
            onAnswer={() => audio.answer(state.callId)}
            onDecline={() => session.decline(state.callId)}
          />
        ) : state.phase === 'in_call' ? (
          <InCall
            callId={state.callId}
            me={me.member.id}
            caller={state.caller}
            since={state.since}
            country={country}
            audio={audio}
            notes={session.notes}
            onNotesChange={session.setNotes}
          />
        ) : state.phase === 'ended' ? (
          <AfterCall
            callId={state.callId}
            caller={state.caller}
            result={state.result}
            country={country}
            notes={session.notes}
            onNotesChange={session.setNotes}
            onSaved={(call) => session.saved(call, state.caller, state.result)}
            onOpenRecord={(url, crm) => host.openRecord({ url, crm, contactId: state.caller.contact?.id })}
            onClose={session.close}
          />
        ) : (
          <>
            {state.notice === 'answered_elsewhere' ? (
              <p role="status" className="notice">
                {t('incoming.answeredElsewhere')}
              </p>
            ) : null}
            <Tabs current={tab} onChange={setTab} />
            <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
              {tab === 'keypad' ? (
                <DialScreen
                  raw={raw}
                  onRawChange={setRaw}
                  country={country}
                  onCall={(e164) => void startCall(e164)}
                  busy={placing}
                  error={callError}
                  message={callMessage}
                />
              ) : null}
              {tab === 'recent' ? (
                <RecentCalls
                  country={country}
                  version={session.finished}
                  onCallBack={(number, contactId) => void startCall(number, contactId)}
                />
              ) : null}
              {tab === 'contacts' ? (
                <ContactsList
                  country={country}
                  onCall={(number, contactId) => void startCall(number, contactId)}
                />
              ) : null}
            </div>
          </>
        )}
      </main>
    </div>
  );
}
