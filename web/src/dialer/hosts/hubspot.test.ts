import { describe, expect, it, vi } from 'vitest';
import type { CallInfo, CallLog } from '../host-bridge.ts';
import {
  callEndStatusOf,
  coordinatesOf,
  type HubspotHandlers,
  type HubspotSdk,
  hubspotHost,
} from './hubspot.ts';

// The SDK's bundle needs a browser global at import; its part here is played by `recordingSdk`,
// and the real SDK is exercised in the browser (web/e2e/dialer-hubspot.test.ts).
vi.mock('@hubspot/calling-extensions-sdk', () => ({ default: class {} }));

const HUBSPOT = 'https://app.hubspot.com';

/** A framed window: the dialer inside HubSpot's calling iframe, its listeners run by hand. */
function framedWindow(framer = HUBSPOT) {
  const listeners = new Map<string, Array<(event: unknown) => void>>();
  const opened: string[] = [];
  const win = {
    parent: {},
    location: { ancestorOrigins: [framer], origin: 'https://parley.example' },
    document: { referrer: '' },
    addEventListener(type: string, listener: (event: unknown) => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    open(url: string) {
      opened.push(url);
      return null;
    },
  };
  const fire = (type: string, event: unknown) => {
    for (const listener of listeners.get(type) ?? []) listener(event);
  };
  return { win: win as unknown as Window, fire, opened };
}

/** The SDK as a recorder of what the widget told HubSpot, and the handlers HubSpot's messages reach. */
function recordingSdk() {
  const sent: Array<[string, unknown]> = [];
  let handlers: HubspotHandlers = {};
  const record =
    (name: string) =>
    (data?: unknown): void => {
      sent.push([name, data]);
    };
  const sdk: HubspotSdk = {
    initialized: record('initialized'),
    userLoggedIn: record('userLoggedIn'),
    userLoggedOut: record('userLoggedOut'),
    incomingCall: record('incomingCall'),
    outgoingCall: record('outgoingCall'),
    callAnswered: record('callAnswered'),
    callEnded: record('callEnded'),
    callCompleted: record('callCompleted'),
    navigateToRecord: record('navigateToRecord'),
  };
  return {
    sent,
    create: (given: HubspotHandlers) => {
      handlers = given;
      return sdk;
    },
    hubspot: (name: keyof HubspotHandlers, data?: unknown) => handlers[name]?.(data),
  };
}

const outbound: CallInfo = { callId: 'c-1', direction: 'outbound', number: '+33612345678', contact: null };
const ended: CallLog = { ...outbound, result: 'answered', talkSeconds: 30, notes: 'ok', disposition: null };

function readyBridge() {
  const window = framedWindow();
  const sdk = recordingSdk();
  const host = hubspotHost(window.win, sdk.create);
  host.signedIn({ id: 'm-1', name: 'Ada', email: 'ada@example.com' });
  sdk.hubspot('onReady', { portalId: 123, userId: 9 });
  sdk.sent.length = 0;
  return { host, sdk, window };
}

describe('the HubSpot host bridge', () => {
  it('greets HubSpot once it is ready with the sign-in state known by then, and reports later sign-outs', () => {
    const window = framedWindow();
    const sdk = recordingSdk();
    const host = hubspotHost(window.win, sdk.create);
    host.signedIn({ id: 'm-1', name: 'Ada', email: 'ada@example.com' });
    expect(sdk.sent).toEqual([]);
    sdk.hubspot('onReady', { portalId: 123, engagementId: 77 });
    host.signedIn({ id: 'm-1', name: 'Ada', email: 'ada@example.com' });
    host.signedIn(null);
    host.signedIn({ id: 'm-1', name: 'Ada', email: 'ada@example.com' });
    expect(sdk.sent).toEqual([
      ['initialized', { isLoggedIn: true, engagementId: 77 }],
      ['userLoggedOut', undefined],
      ['userLoggedIn', undefined],
    ]);
  });

  it('does not repeat to HubSpot a signed-out state it already gave in initialized', () => {
    const window = framedWindow();
    const sdk = recordingSdk();
    const host = hubspotHost(window.win, sdk.create);
    sdk.hubspot('onReady', {});
    host.signedIn(null);
    host.signedIn({ id: 'm-1', name: 'Ada', email: 'ada@example.com' });
    expect(sdk.sent).toEqual([
      ['initialized', { isLoggedIn: false }],
      ['userLoggedIn', undefined],
    ]);
  });

  it('dials the number HubSpot asks for, once even when HubSpot sends the click twice', () => {
    const { host, sdk } = readyBridge();
    const dialled: string[] = [];
    host.onDialRequest((number) => dialled.push(number));
    sdk.hubspot('onDialNumber', { phoneNumber: '+33612345678', objectId: 5, objectType: 'CONTACT' });
    sdk.hubspot('onDialNumber', { phoneNumber: '+33612345678', objectId: 5, objectType: 'CONTACT' });
    sdk.hubspot('onDialNumber', { phoneNumber: '+33699999999' });
    sdk.hubspot('onDialNumber', { objectId: 5 });
    expect(dialled).toEqual(['+33612345678', '+33699999999']);
  });

  it('tells HubSpot of an outbound call without letting it create an engagement, then ends and completes it once', () => {
    const { host, sdk } = readyBridge();
    host.callStarted(outbound);
    host.callEnded(ended);
    host.callEnded(ended);
    expect(sdk.sent.map(([name]) => name)).toEqual([
      'outgoingCall',
      'callAnswered',
      'callEnded',
      'callCompleted',
    ]);
    expect(sdk.sent[0]?.[1]).toMatchObject({
      externalCallId: 'c-1',
      toNumber: '+33612345678',
      createEngagement: false,
    });
    expect(sdk.sent[2]?.[1]).toEqual({ externalCallId: 'c-1', callEndStatus: 'COMPLETED' });
    expect(sdk.sent[3]?.[1]).toEqual({ externalCallId: 'c-1', hideWidget: false });
  });

  it('announces an inbound call for caller-id matching and opens the record HubSpot matched', () => {
    const { host, sdk } = readyBridge();
    const inbound: CallInfo = { callId: 'c-2', direction: 'inbound', number: '+33611111111', contact: null };
    host.incomingCall(inbound);
    const coordinates = { portalId: 123, objectId: 42, objectTypeId: '0-1' };
    sdk.hubspot('onCallerIdMatchSucceeded', {
      callerIdMatches: [{ callerIdType: 'CONTACT', objectCoordinates: coordinates }],
    });
    host.callStarted(inbound);
    host.callEnded({ ...inbound, result: 'answered', talkSeconds: 4, notes: '', disposition: null });
    expect(sdk.sent).toEqual([
      [
        'incomingCall',
        expect.objectContaining({
          externalCallId: 'c-2',
          fromNumber: '+33611111111',
          createEngagement: false,
        }),
      ],
      ['navigateToRecord', { objectCoordinates: coordinates }],
      ['callAnswered', { externalCallId: 'c-2' }],
      ['callEnded', { externalCallId: 'c-2', callEndStatus: 'COMPLETED' }],
      ['callCompleted', { externalCallId: 'c-2', hideWidget: false }],
    ]);
  });

  it('completes an open call when the page goes away, and a call left open when the next one starts', () => {
    const { host, sdk, window } = readyBridge();
    host.incomingCall({ callId: 'c-3', direction: 'inbound', number: '+33611111111', contact: null });
    host.callStarted(outbound);
    window.fire('pagehide', {});
    window.fire('pagehide', {});
    expect(sdk.sent.filter(([name]) => name === 'callCompleted' || name === 'callEnded')).toEqual([
      ['callEnded', { externalCallId: 'c-3', callEndStatus: 'FAILED' }],
      ['callCompleted', { externalCallId: 'c-3', hideWidget: false }],
      ['callEnded', { externalCallId: 'c-1', callEndStatus: 'FAILED' }],
      ['callCompleted', { externalCallId: 'c-1', hideWidget: false }],
    ]);
  });

  it('passes on the engagement HubSpot gave the widget, and forgets it once the call is complete', () => {
    const { host, sdk } = readyBridge();
    sdk.hubspot('onCreateEngagementSucceeded', { engagementId: 501 });
    host.callStarted(outbound);
    host.callEnded(ended);
    host.callStarted({ ...outbound, callId: 'c-9' });
    host.callEnded({ ...ended, callId: 'c-9', result: 'busy' });
    expect(sdk.sent.filter(([name]) => name === 'callCompleted')).toEqual([
      ['callCompleted', { externalCallId: 'c-1', hideWidget: false, engagementId: 501 }],
      ['callCompleted', { externalCallId: 'c-9', hideWidget: false }],
    ]);
  });

  it('lets only the page framing the dialer start the SDK handshake', () => {
    const window = framedWindow();
    hubspotHost(window.win, recordingSdk().create);
    const sync = (origin: string, hostUrl: string) => {
      let stopped = false;
      window.fire('message', {
        origin,
        data: { type: 'SYNC', hostUrl },
        stopImmediatePropagation: () => {
          stopped = true;
        },
      });
      return stopped;
    };
    expect(sync(HUBSPOT, HUBSPOT)).toBe(false);
    expect(sync('https://evil.example', HUBSPOT)).toBe(true);
    expect(sync(HUBSPOT, 'https://evil.example')).toBe(true);
  });

  it('opens HubSpot contact and company links inside HubSpot and any other link in a new tab', () => {
    const { host, sdk, window } = readyBridge();
    host.openRecord({ url: `${HUBSPOT}/contacts/123/record/0-1/42`, crm: 'hubspot' });
    host.openRecord({ url: `${HUBSPOT}/contacts/123/record/0-48/7`, crm: 'hubspot' });
    expect(sdk.sent).toEqual([
      ['navigateToRecord', { objectCoordinates: { portalId: 123, objectId: 42, objectTypeId: '0-1' } }],
    ]);
    expect(window.opened).toEqual([`${HUBSPOT}/contacts/123/record/0-48/7`]);
  });
});

describe('HubSpot call facts from Parley’s', () => {
  it('files each Parley result under HubSpot’s end statuses', () => {
    expect(
      ['answered', 'missed', 'voicemail', 'abandoned', 'busy', 'failed', null].map(callEndStatusOf),
    ).toEqual(['COMPLETED', 'MISSED', 'MISSED', 'CANCELED', 'BUSY', 'FAILED', 'COMPLETED']);
  });

  it('reads record coordinates from HubSpot contact and company URLs only', () => {
    expect(coordinatesOf('https://app-eu1.hubspot.com/contacts/99/record/0-2/1234?tab=x')).toEqual({
      portalId: 99,
      objectId: 1234,
      objectTypeId: '0-2',
    });
    expect(coordinatesOf('https://app.hubspot.com/contacts/99/record/0-48/1')).toBeNull();
    expect(coordinatesOf('https://example.com/')).toBeNull();
  });
});
