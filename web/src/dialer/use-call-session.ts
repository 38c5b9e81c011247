import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { showNotification } from '../ui/pwa.ts';
import type { CallAudio } from './call-audio.ts';
import { callReducer, IDLE } from './call-state.ts';
import type { CallInfo, HostBridge } from './host-bridge.ts';
import type { CallerView } from './live-event.ts';
import type { DialerT } from './texts.ts';
import type { CallResult, CallSummary } from './types.ts';
import { useLiveCalls } from './use-live-calls.ts';

/** Rings through the system when the dialer is hidden behind other tabs and notifications are allowed. */
function notifyIncoming(t: DialerT, caller: CallerView) {
  if (!document.hidden || !('Notification' in window) || Notification.permission !== 'granted') return;
  void showNotification(t('notify.incoming', { caller: caller.contact?.name ?? caller.from }), {
    tag: 'parley-incoming',
  });
}

/**
 * The call on screen, from live events and the rep's own actions, with the notes typed for it
 * and the host told when a call starts and ends.
 */
export function useCallSession(memberId: string, audio: CallAudio, host: HostBridge, t: DialerT) {
  const [state, dispatch] = useReducer(callReducer, IDLE);
  const [notes, setNotes] = useState('');
  const [finished, setFinished] = useState(0);
  const direction = useRef<'inbound' | 'outbound'>('inbound');

  const connection = useLiveCalls((event) => {
    dispatch({ kind: 'live', event, me: memberId, now: Date.now() });
    if (event.type === 'incoming_call' && event.memberIds.includes(memberId)) notifyIncoming(t, event);
  });

  // Read by the ringing effect's cleanup, which runs after the render that left the ringing phase.
  const phase = useRef(state.phase);
  phase.current = state.phase;

  // A new call starts clean: no notes, mute or digits left over from the last one.
  const ringingId = state.phase === 'ringing' ? state.callId : null;
  // Only a new ringing call id resets and tells the host; the caller is read as it is then.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reported once per call id
  useEffect(() => {
    if (!ringingId || state.phase !== 'ringing') return;
    direction.current = 'inbound';
    setNotes('');
    audio.reset();
    const info: CallInfo = {
      callId: ringingId,
      direction: 'inbound',
      number: state.caller.from,
      contact: state.caller.contact ? { id: state.caller.contact.id, name: state.caller.contact.name } : null,
    };
    host.incomingCall(info);
    // Declined here, answered by a teammate or hung up while ringing: the host, which heard the
    // call ring, hears it is over for this rep (the after-call screen reports the other endings).
    return () => {
      if (phase.current === 'idle')
        host.callEnded({ ...info, result: null, talkSeconds: null, notes: '', disposition: null });
    };
  }, [ringingId, audio, host]);

  const inCallId = state.phase === 'in_call' ? state.callId : null;
  // Only a new call id reports a start; the state object changes with every live event.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reported once per call id
  useEffect(() => {
    if (!inCallId || state.phase !== 'in_call') return;
    host.callStarted({
      callId: inCallId,
      direction: direction.current,
      number: state.caller.from,
      contact: state.caller.contact ? { id: state.caller.contact.id, name: state.caller.contact.name } : null,
    });
  }, [inCallId, host]);

  const placed = useCallback(
    (call: CallSummary, caller: CallerView) => {
      direction.current = 'outbound';
      setNotes('');
      audio.reset();
      host.callStarted({
        callId: call.id,
        direction: 'outbound',
        number: caller.from,
        contact: caller.contact ? { id: caller.contact.id, name: caller.contact.name } : null,
      });
      dispatch({ kind: 'placed_and_ended', callId: call.id, caller, result: call.result });
    },
    [audio, host],
  );

  const reported = useRef<string | null>(null);
  /** The host hears of the end once per call, with the notes and disposition as saved. */
  const saved = useCallback(
    (call: CallSummary, caller: CallerView, result: CallResult | null) => {
      reported.current = call.id;
      host.callEnded({
        callId: call.id,
        direction: call.direction,
        number: caller.from,
        contact: caller.contact ? { id: caller.contact.id, name: caller.contact.name } : null,
        result: call.result ?? result,
        talkSeconds: call.record?.talkSeconds ?? null,
        notes: call.record?.notes ?? '',
        disposition: call.record?.disposition ?? null,
      });
    },
    [host],
  );

  /** Leaving the after-call screen unsaved still tells the host the call ended. */
  const close = useCallback(() => {
    if (state.phase === 'ended' && reported.current !== state.callId)
      host.callEnded({
        callId: state.callId,
        direction: direction.current,
        number: state.caller.from,
        contact: state.caller.contact
          ? { id: state.caller.contact.id, name: state.caller.contact.name }
          : null,
        result: state.result,
        talkSeconds: null,
        notes,
        disposition: null,
      });
    dispatch({ kind: 'closed' });
    setFinished((n) => n + 1);
  }, [state, host, notes]);
  const decline = useCallback(
    (callId: string) => {
      audio.decline(callId);
      dispatch({ kind: 'declined', callId });
    },
    [audio],
  );

  return { connection, state, notes, setNotes, placed, saved, close, decline, finished };
}
