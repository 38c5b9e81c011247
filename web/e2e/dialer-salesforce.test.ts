import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { WEB_DIST } from '../../core/src/http/web-app.ts';
import { sql } from '../../core/src/store/sql.ts';
import { OPEN_CTI_API_VERSION } from '../src/dialer/hosts/salesforce.ts';
import { launchBrowser, screenshot } from './browser.ts';
import { dialerAccount, holdLiveEvents, inboundCall, MEMBER_PASSWORD } from './dialer-journey.ts';

const BRUNO = '+33698765432';
const CALLER = '+33611223344';
/** Bruno's Contact in the org, which the Salesforce sync linked to his Parley contact. */
const BRUNO_RECORD = '003000000000001AAA';
const OPEN_CTI_PATH = `/support/api/${OPEN_CTI_API_VERSION}/lightning/opencti_min.js`;

interface CtiCall {
  method: string;
  args: Record<string, unknown> | null;
}

/**
 * Salesforce's `opencti_min.js` as the api-cti guide (Lightning Experience) describes it, served by
 * the "org": methods take one argument object, callbacks get `{ success, returnValue, errors }`,
 * `onClickToDial` listeners get a plain payload. Like the real library it lives in the softphone
 * frame and talks to the Salesforce page around it: each call is reported to that page, and the
 * page's messages play Salesforce's side (a click on a phone number, a message-channel publish).
 */
function fakeOpenCti(org: string): string {
  return `(function () {
  var ORG = ${JSON.stringify(org)};
  var clickToDial = [];
  var channels = {};
  function report(method, args) {
    parent.postMessage({ type: 'fake-opencti.call', method: method, args: JSON.parse(JSON.stringify(args || null)) }, ORG);
  }
  function method(name, returnValue) {
    return function (args) {
      report(name, args);
      if (args && typeof args.callback === 'function')
        setTimeout(function () { args.callback({ success: true, returnValue: returnValue === undefined ? null : returnValue, errors: null }); });
    };
  }
  window.sforce = { opencti: {
    CALL_TYPE: { INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' },
    SCREENPOP_TYPE: { SOBJECT: 'sobject', URL: 'url', OBJECTHOME: 'objecthome', LIST: 'list', SEARCH: 'search', NEW_RECORD_MODAL: 'newrecordmodal', FLOW: 'flow' },
    enableClickToDial: method('enableClickToDial'),
    disableClickToDial: method('disableClickToDial'),
    onClickToDial: function (args) { clickToDial.push(args.listener); report('onClickToDial', null); },
    searchAndScreenPop: method('searchAndScreenPop', {}),
    screenPop: method('screenPop'),
    setSoftphonePanelVisibility: method('setSoftphonePanelVisibility'),
    notifyInitializationComplete: method('notifyInitializationComplete'),
    subscribe: function (args) { channels[args.channelName] = args.listener; method('subscribe', { channelName: args.channelName })(args); }
  } };
  addEventListener('message', function (event) {
    if (event.origin !== ORG || !event.data) return;
    if (event.data.type === 'fake-opencti.clickToDial') clickToDial.forEach(function (listener) { listener(event.data.payload); });
    if (event.data.type === 'fake-opencti.publish' && channels[event.data.channelName]) channels[event.data.channelName](event.data.message);
  });
})();`;
}

/**
 * The dialer as the Open CTI softphone of a Salesforce org (another origin): it loads the org's
 * Open CTI library, dials what a click on a phone number asks, and pops the caller on ring.
 */
describe('the dialer inside Salesforce through Open CTI', () => {
  let server: TestServer;
  let browser: Browser;
  let account: Awaited<ReturnType<typeof dialerAccount>>;
  let org: Server;
  let orgUrl: string;
  let brunoContactId: string;
  const served: string[] = [];

  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}dialer/index.html`))
      throw new Error('web/dist is missing: run `npm run build:web`');
    server = await startTestServer();
    account = await dialerAccount(server, {
      phone: '+33 6 98 76 54 32',
      name: 'Bruno Petit',
      company: 'Petit & Fils',
    });
    const db = server.services.db;
    brunoContactId = (
      await db.one<{ id: string }>(
        sql`select id from contacts where account_id = ${account.accountId} and name = 'Bruno Petit'`,
      )
    ).id;
    // What the contact sync leaves: the org's connection and Bruno's record linked to his contact.
    const connection = await db.one<{
      id: string;
    }>(sql`insert into crm_connections (account_id, kind, config, connected_as)
      values (${account.accountId}, 'salesforce', 'sealed', ${JSON.stringify({ accountId: '00D000000000001AAA' })})
      returning id`);
    await db.execute(sql`insert into contact_links (connection_id, crm_id, contact_id, account_id, crm_object_type, content_hash)
      values (${connection.id}, ${BRUNO_RECORD}, ${brunoContactId}, ${account.accountId}, 'Contact', 'h')`);
    org = createServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url === OPEN_CTI_PATH) {
        res.setHeader('content-type', 'text/javascript');
        return res.end(fakeOpenCti(orgUrl));
      }
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>Salesforce</title>
        <script>window.cti = []; addEventListener('message', (e) => {
          if (e.data && e.data.type === 'fake-opencti.call') cti.push({ method: e.data.method, args: e.data.args });
        });</script>
        <iframe title="Parley" src="${server.url}/dialer?host=salesforce&lang=en" width="400" height="600" allow="microphone; autoplay"></iframe>`);
    });
    await new Promise<void>((resolve) => org.listen(0, '127.0.0.1', resolve));
    orgUrl = `http://127.0.0.1:${(org.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    org?.close();
    await server?.close();
  });

  const ctiCalls = (page: Page) => page.evaluate(() => (window as unknown as { cti: CtiCall[] }).cti);
  const called = (page: Page, method: string) =>
    expect.poll(async () => (await ctiCalls(page)).filter((c) => c.method === method));

  /** Opens the org's page, signs in inside the softphone and waits for click-to-dial to be on. */
  async function openSoftphone(): Promise<{ page: Page; dialer: FrameLocator }> {
    const page = await browser.newPage({ viewport: { width: 440, height: 640 } });
    await page.goto(orgUrl);
    const dialer = page.frameLocator('iframe[title="Parley"]');
    await dialer.getByLabel('Email').fill(account.member.email);
    await dialer.getByLabel('Password').fill(MEMBER_PASSWORD);
    await dialer.getByRole('button', { name: 'Sign in', exact: true }).click();
    await dialer.locator('[data-live="open"]').waitFor({ state: 'attached' });
    await called(page, 'enableClickToDial').toHaveLength(1);
    return { page, dialer };
  }

  const outboundCalls = async () =>
    (await account.member.client.get('/api/calls')).body.calls.filter(
      (c: { direction: string }) => c.direction === 'outbound',
    ) as Array<{ to: string; contactId: string | null }>;

  it('loads opencti_min.js from the org, registers for clicks, and dials a clicked number on its record’s contact', async () => {
    const { page, dialer } = await openSoftphone();
    expect(served).toContain(OPEN_CTI_PATH);
    // Phone numbers stay plain text until the rep has signed in to the softphone.
    expect((await ctiCalls(page)).map((c) => c.method)).toEqual([
      'onClickToDial',
      'subscribe',
      'notifyInitializationComplete',
      'disableClickToDial',
      'enableClickToDial',
    ]);
    expect((await ctiCalls(page))[1]?.args).toEqual({ channelName: 'Parley_Softphone__c' });

    await page.evaluate(
      ({ parley, recordId }) =>
        document.querySelector('iframe')?.contentWindow?.postMessage(
          {
            type: 'fake-opencti.clickToDial',
            payload: { number: '06 98 76 54 32', recordId, recordName: 'Bruno Petit', objectType: 'Contact' },
          },
          parley,
        ),
      { parley: server.url, recordId: BRUNO_RECORD },
    );
    await dialer.getByRole('heading', { name: 'Call ended' }).waitFor();
    await dialer.getByText('Result: Answered').waitFor();
    // The clicked record's id reached the server, which gave the call Bruno's Parley contact.
    expect((await outboundCalls()).map((c) => [c.to, c.contactId])).toEqual([[BRUNO, brunoContactId]]);
    await screenshot(page, 'dialer-salesforce-click-to-dial');
    await page.close();
  }, 60_000);

  it('on an inbound call shows the softphone and screen-pops the caller’s number', async () => {
    const { page, dialer } = await openSoftphone();
    await dialer.getByLabel('My status').selectOption('online');
    await expect
      .poll(async () => {
        const team = await account.member.client.get('/api/team/presence');
        return team.body.members.find((m: { memberId: string }) => m.memberId === account.member.memberId)
          ?.status;
      })
      .toBe('online');
    const held = holdLiveEvents(server.services.bus, ['incoming_call']);
    try {
      const call = inboundCall(server, {
        from: CALLER,
        to: account.number.e164,
        script: { answer: [{ by: account.member.memberId, afterSeconds: 2 }], talkSeconds: 10 },
      });
      await dialer.getByRole('heading', { name: 'Incoming call' }).waitFor();
      await called(page, 'searchAndScreenPop').toEqual([
        {
          method: 'searchAndScreenPop',
          args: { searchParams: CALLER, callType: 'inbound', deferred: false },
        },
      ]);
      await called(page, 'setSoftphonePanelVisibility').toEqual([
        { method: 'setSoftphonePanelVisibility', args: { visible: true } },
      ]);
      await screenshot(page, 'dialer-salesforce-inbound');
      held.release('incoming_call');
      await call;
    } finally {
      held.restore();
    }
    // The server logs the call as a Task; the softphone never asks Salesforce to save one.
    expect((await ctiCalls(page)).map((c) => c.method)).not.toContain('saveLog');
    await page.close();
  }, 60_000);
});
