import CallingExtensions, { type EndStatus, type EventHandlers } from '@hubspot/calling-extensions-sdk';
import {
  type CallInfo,
  type CallLog,
  type HostBridge,
  parentOrigin,
  type RecordRef,
} from '../host-bridge.ts';
import type { CallResult } from '../types.ts';

/** The part of the SDK's `CallingExtensions` the bridge uses: a fake stands in for it in unit tests. */
export type HubspotSdk = Pick<
  CallingExtensions,
  | 'initialized'
  | 'userLoggedIn'
  | 'userLoggedOut'
  | 'incomingCall'
  | 'outgoingCall'
  | 'callAnswered'
  | 'callEnded'
  | 'callCompleted'
  | 'navigateToRecord'
>;

export type HubspotHandlers = Partial<EventHandlers>;

interface ObjectCoordinates {
  portalId: number;
  objectId: number;
  objectTypeId: '0-1' | '0-2';
}

const CALL_END_STATUS: Readonly<Record<CallResult, EndStatus>> = {
  answered: 'COMPLETED',
  missed: 'MISSED',
  voicemail: 'MISSED',
  abandoned: 'CANCELED',
  busy: 'BUSY',
  failed: 'FAILED',
  after_hours: 'MISSED',
};

/** How HubSpot should file the end of a call, from Parley's result (none known yet: it completed). */
export function callEndStatusOf(result: string | null): EndStatus {
  return (result && CALL_END_STATUS[result as CallResult]) || 'COMPLETED';
}

/** HubSpot clicks can fire `DIAL_NUMBER` twice (calling-extensions-sdk #210): one dial per number per window. */
const DOUBLE_DIAL_MS = 2000;

function isSync(data: unknown): data is { type: 'SYNC'; hostUrl?: unknown } {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SYNC';
}

/**
 * A contact or company page of HubSpot (`…/contacts/{portalId}/record/0-1/{id}`, what the
 * connector links to) as the coordinates `navigateToRecord` opens inside HubSpot; null for others.
 */
export function coordinatesOf(url: string): ObjectCoordinates | null {
  const match = /\/contacts\/(\d+)\/record\/(0-1|0-2)\/(\d+)(?:[/?#]|$)/.exec(url);
  if (!match) return null;
  const [, portalId, objectTypeId, objectId] = match;
  return {
    portalId: Number(portalId),
    objectId: Number(objectId),
    objectTypeId: objectTypeId as '0-1' | '0-2',
  };
}

/**
 * The dialer inside HubSpot's calling widget, over `@hubspot/calling-extensions-sdk`.
 *
 * Parley's server logs every call on the HubSpot record itself (connectors/hubspot, upsert on
 * `parley_call_id`), so the widget tells HubSpot about calls with `createEngagement: false` and
 * completes them without engagement properties: HubSpot never makes a second engagement. Every
 * call it announced is completed — on hang-up, when the next call starts over one never closed,
 * on sign-out and when the page goes away — so HubSpot never keeps a half-made call open.
 */
export function hubspotHost(
  win: Window = window,
  createSdk: (handlers: HubspotHandlers) => HubspotSdk = (eventHandlers) =>
    new CallingExtensions({ debugMode: false, eventHandlers: eventHandlers as EventHandlers }),
): HostBridge {
  const framer = parentOrigin(win);
  // The SDK answers a SYNC from any window and then trusts the `hostUrl` it names. Only the page
  // framing the dialer (which the server's frame-ancestors already limits to HubSpot) may be the host.
  win.addEventListener('message', (event: MessageEvent) => {
    if (!isSync(event.data)) return;
    if (!framer || event.origin !== framer || event.data.hostUrl !== framer) event.stopImmediatePropagation();
  });

  let ready = false;
  let engagementId: number | null = null;
  let signedIn = false;
  /** What HubSpot last heard: `initialized` tells it once, then only changes are sent. */
  let told: boolean | null = null;
  let dialListener: ((number: string) => void) | null = null;
  let lastDial: { number: string; at: number } | null = null;
  /** Calls HubSpot heard start and has not yet heard complete. */
  const open = new Map<string, CallInfo>();

  const sdk = createSdk({
    onReady(data: { engagementId?: unknown } = {}) {
      ready = true;
      engagementId = Number.isInteger(Number(data.engagementId)) ? Number(data.engagementId) : null;
      told = signedIn;
      sdk.initialized({ isLoggedIn: signedIn, ...(engagementId ? { engagementId } : {}) });
    },
    onDialNumber(data: { phoneNumber?: unknown } = {}) {
      if (typeof data.phoneNumber !== 'string' || !dialListener) return;
      const now = Date.now();
      if (lastDial && lastDial.number === data.phoneNumber && now - lastDial.at < DOUBLE_DIAL_MS) return;
      lastDial = { number: data.phoneNumber, at: now };
      dialListener(data.phoneNumber);
    },
    onCreateEngagementSucceeded(data: { engagementId?: unknown } = {}) {
      if (Number.isInteger(Number(data.engagementId))) engagementId = Number(data.engagementId);
    },
    onCallerIdMatchSucceeded(
      data: { callerIdMatches?: Array<{ objectCoordinates?: ObjectCoordinates }> } = {},
    ) {
      // HubSpot found the caller: show their record, as HubSpot's own phone does (screen pop).
      const match = data.callerIdMatches?.[0]?.objectCoordinates;
      if (match) sdk.navigateToRecord({ objectCoordinates: match });
    },
    onCallerIdMatchFailed() {},
    onEndCall() {},
    onVisibilityChanged() {},
    onNavigateToRecordFailed() {},
    onUpdateEngagementSucceeded() {},
    onUpdateEngagementFailed() {},
    onFinalizeEngagementSucceeded() {},
    onFinalizeEngagementFailed() {},
    onFailed() {},
    defaultEventHandler() {},
  });

  const withEngagement = () => (engagementId ? { engagementId } : {});

  /** Ends a call HubSpot was told of: `callEnded` then `callCompleted`, once. */
  const complete = (callId: string, result: string | null) => {
    if (!open.delete(callId) || !ready) return;
    sdk.callEnded({
      externalCallId: callId,
      callEndStatus: callEndStatusOf(result),
      ...withEngagement(),
    } as Parameters<HubspotSdk['callEnded']>[0]);
    sdk.callCompleted({ externalCallId: callId, hideWidget: false, ...withEngagement() });
    engagementId = null;
  };
  const completeOthers = (callId: string) => {
    for (const other of [...open.keys()]) if (other !== callId) complete(other, 'failed');
  };
  // A closed tab or a reload must not leave HubSpot with a call that never ends.
  win.addEventListener('pagehide', () => {
    for (const callId of [...open.keys()]) complete(callId, 'failed');
  });

  return {
    onDialRequest(callback) {
      dialListener = callback;
      return () => {
        if (dialListener === callback) dialListener = null;
      };
    },
    signedIn(member) {
      signedIn = member !== null;
      if (!ready || signedIn === told) return;
      told = signedIn;
      if (signedIn) sdk.userLoggedIn();
      else {
        for (const callId of [...open.keys()]) complete(callId, 'failed');
        sdk.userLoggedOut();
      }
    },
    incomingCall(info) {
      if (!ready) return;
      completeOthers(info.callId);
      open.set(info.callId, info);
      sdk.incomingCall({
        externalCallId: info.callId,
        fromNumber: info.number,
        // The number the caller dialled is not in the dialer's view of the call; HubSpot matches on fromNumber.
        toNumber: '',
        callStartTime: Date.now(),
        createEngagement: false,
      });
    },
    callStarted(info) {
      if (!ready) return;
      if (info.direction === 'outbound') {
        completeOthers(info.callId);
        open.set(info.callId, info);
        sdk.outgoingCall({
          externalCallId: info.callId,
          toNumber: info.number,
          callStartTime: Date.now(),
          createEngagement: false,
        });
      } else if (!open.has(info.callId)) return;
      sdk.callAnswered({ externalCallId: info.callId });
    },
    callEnded(log: CallLog) {
      complete(log.callId, log.result);
    },
    openRecord(ref: RecordRef) {
      const coordinates = coordinatesOf(ref.url);
      if (coordinates && ready) sdk.navigateToRecord({ objectCoordinates: coordinates });
      else win.open(ref.url, '_blank', 'noopener');
    },
  };
}
