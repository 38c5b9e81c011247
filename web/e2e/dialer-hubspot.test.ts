import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../core/src/http/testing/client.ts';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { WEB_DIST } from '../../core/src/http/web-app.ts';
import { launchBrowser, screenshot } from './browser.ts';
import { dialerAccount, holdLiveEvents, inboundCall, MEMBER_PASSWORD } from './dialer-journey.ts';

/** What the widget sent HubSpot: the SDK's own messages, as HubSpot's side of it hands them over. */
interface WidgetMessage {
  type: string;
  data?: Record<string, unknown>;
}

// HubSpot's side of the protocol is the SDK's own IFrameManager in host mode (its UMD bundle).
const SDK_BUNDLE = readFileSync(
  createRequire(import.meta.url).resolve('@hubspot/calling-extensions-sdk/dist/main.js'),
  'utf8',
);
const CALLER = '+33698765432';
const PORTAL = 123456;

/**
 * The dialer as HubSpot's calling widget: a page on another origin plays HubSpot with the
 * calling SDK's IFrameManager (SYNC until SYNC_ACK, then the messages), frames
 * `/dialer?host=hubspot`, asks it to dial and rings it with an inbound call on the simulator.
 */
describe('the dialer inside HubSpot speaks the calling extensions protocol', () => {
  let server: TestServer;
  let browser: Browser;
  let member: { client: ApiClient; email: string; memberId: string };
  let teamNumber: string;
  let host: Server;
  let hostPort: number;

  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}dialer/index.html`))
      throw new Error('web/dist is missing: run `npm run build:web`');
    server = await startTestServer();
    const account = await dialerAccount(server, {
      phone: '+33 6 98 76 54 32',
      name: 'Bruno Petit',
      company: 'Petit & Fils',
    });
    member = account.member;
    teamNumber = account.number.e164;
    // HubSpot on 127.0.0.1, a stranger's frame on localhost: two origins from one server.
    host = createServer((req, res) => {
      if (req.url === '/sdk.js') {
        res.setHeader('content-type', 'text/javascript');
        return res.end(SDK_BUNDLE);
      }
      res.setHeader('content-type', 'text/html');
      if (req.url === '/stranger') return res.end('<!doctype html><title>Stranger</title>');
      res.end(`<!doctype html><title>HubSpot</title><div id="calling-widget"></div>
        <iframe title="Stranger" src="http://localhost:${hostPort}/stranger" width="10" height="10"></iframe>
        <script src="/sdk.js"></script>
        <script>
          window.got = [];
          window.hubspot = new IFrameManager({
            iFrameOptions: { src: ${JSON.stringify(`${server.url}/dialer?host=hubspot&lang=en`)}, width: '400px', height: '600px', hostElementSelector: '#calling-widget' },
            debugMode: false,
            onMessageHandler: (message) => got.push(message),
          });
        </script>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostPort = (host.address() as AddressInfo).port;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    host?.close();
    await server?.close();
  });

  const received = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as { got: WidgetMessage[] }).got.map(({ type, data }) => ({ type, data })),
    );
  const sendAsHubspot = (page: Page, type: string, data: object) =>
    page.evaluate(
      ([type, data]) =>
        (window as unknown as { hubspot: { sendMessage(message: object): void } }).hubspot.sendMessage({
          type,
          data,
        }),
      [type, data] as const,
    );
  const waitFor = (page: Page, type: string) =>
    expect
      .poll(async () => (await received(page)).some((m) => m.type === type), { timeout: 10_000 })
      .toBe(true);
  const outboundCalls = async () =>
    (await member.client.get('/api/calls')).body.calls.filter(
      (c: { direction: string }) => c.direction === 'outbound',
    ) as Array<{ id: string; to: string }>;

  async function openSignedIn(): Promise<{ page: Page; widget: FrameLocator }> {
    const page = await browser.newPage({ viewport: { width: 440, height: 640 } });
    await page.goto(`http://127.0.0.1:${hostPort}/`);
    const widget = page.frameLocator('#hubspot-calling-extension-iframe');
    await waitFor(page, 'READY');
    await waitFor(page, 'INITIALIZED');
    await widget.getByLabel('Email').fill(member.email);
    await widget.getByLabel('Password').fill(MEMBER_PASSWORD);
    await widget.getByRole('button', { name: 'Sign in', exact: true }).click();
    await widget.locator('[data-live="open"]').waitFor({ state: 'attached' });
    await waitFor(page, 'LOGGED_IN');
    return { page, widget };
  }

  it('greets HubSpot, dials on its DIAL_NUMBER (not a stranger’s), and completes the call without a second engagement', async () => {
    const { page, widget } = await openSignedIn();
    expect((await received(page)).find((m) => m.type === 'INITIALIZED')?.data).toEqual({ isLoggedIn: false });

    const stranger = page.frames().find((f) => f.url().includes('/stranger'));
    await stranger?.evaluate(() => {
      for (let i = 0; i < window.parent.frames.length; i++) {
        const frame = window.parent.frames[i];
        if (frame && frame !== window)
          frame.postMessage(
            { type: 'DIAL_NUMBER', messageId: 'x_1', data: { phoneNumber: '+33600000001' } },
            '*',
          );
      }
    });
    await page.waitForTimeout(500);
    expect(await outboundCalls()).toEqual([]);

    await sendAsHubspot(page, 'DIAL_NUMBER', {
      phoneNumber: '06 98 76 54 32',
      objectId: 42,
      objectType: 'CONTACT',
      portalId: PORTAL,
    });
    await widget.getByRole('heading', { name: 'Call ended' }).waitFor();
    const calls = await outboundCalls();
    expect(calls.map((c) => c.to)).toEqual([CALLER]);
    const callId = calls[0]?.id;
    await widget.getByLabel('Disposition').selectOption('interested');
    await widget.getByRole('button', { name: 'Save notes and disposition' }).click();
    await waitFor(page, 'CALL_COMPLETED');
    await screenshot(page, 'dialer-hubspot-outbound');

    const calling = (await received(page)).filter(
      (m) => !['READY', 'INITIALIZED', 'LOGGED_IN'].includes(m.type),
    );
    expect(calling).toEqual([
      {
        type: 'OUTGOING_CALL_STARTED',
        data: {
          externalCallId: callId,
          toNumber: CALLER,
          callStartTime: expect.any(Number),
          createEngagement: false,
        },
      },
      { type: 'CALL_ANSWERED', data: { externalCallId: callId } },
      { type: 'CALL_ENDED', data: { externalCallId: callId, callEndStatus: 'COMPLETED' } },
      { type: 'CALL_COMPLETED', data: { externalCallId: callId, hideWidget: false } },
    ]);
    await page.close();
  }, 60_000);

  it('announces an inbound call with the caller’s number and opens the record HubSpot matched', async () => {
    const { page, widget } = await openSignedIn();
    await widget.getByLabel('My status').selectOption('online');
    await expect
      .poll(async () => {
        const team = await member.client.get('/api/team/presence');
        return team.body.members.find((m: { memberId: string }) => m.memberId === member.memberId)?.status;
      })
      .toBe('online');

    const held = holdLiveEvents(server.services.bus, ['incoming_call', 'call_answered']);
    try {
      const call = inboundCall(server, {
        from: CALLER,
        to: teamNumber,
        script: { answer: [{ by: member.memberId, afterSeconds: 3 }], talkSeconds: 20 },
      });
      await waitFor(page, 'INCOMING_CALL');
      const incoming = (await received(page)).find((m) => m.type === 'INCOMING_CALL');
      expect(incoming?.data).toMatchObject({ fromNumber: CALLER, createEngagement: false });

      const coordinates = { portalId: PORTAL, objectId: 42, objectTypeId: '0-1' };
      await sendAsHubspot(page, 'CALLER_ID_MATCH_SUCCEEDED', {
        callerIdMatches: [
          {
            callerIdType: 'CONTACT',
            objectCoordinates: coordinates,
            firstName: 'Bruno',
            lastName: 'Petit',
            email: '',
          },
        ],
      });
      await waitFor(page, 'NAVIGATE_TO_RECORD');
      expect((await received(page)).find((m) => m.type === 'NAVIGATE_TO_RECORD')?.data).toEqual({
        objectCoordinates: coordinates,
      });
      held.release('incoming_call');
      await waitFor(page, 'CALL_ANSWERED');
      held.release('call_answered');
      const callId = await call;
      expect(incoming?.data?.externalCallId).toBe(callId);
      await widget.getByRole('heading', { name: 'Call ended' }).waitFor();
      await widget.getByRole('button', { name: 'Save notes and disposition' }).click();
      await waitFor(page, 'CALL_COMPLETED');
      await screenshot(page, 'dialer-hubspot-inbound');
      const end = (await received(page)).filter(
        (m) => m.type === 'CALL_ENDED' || m.type === 'CALL_COMPLETED',
      );
      expect(end).toEqual([
        { type: 'CALL_ENDED', data: { externalCallId: callId, callEndStatus: 'COMPLETED' } },
        { type: 'CALL_COMPLETED', data: { externalCallId: callId, hideWidget: false } },
      ]);
    } finally {
      held.restore();
    }
    await page.close();
  }, 60_000);
});
