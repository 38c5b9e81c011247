import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../core/src/http/testing/test-server.ts';
import { launchBrowser, screenshot } from './browser.ts';
import {
  type dialerAccount,
  dialerServer,
  holdLiveEvents,
  inboundCall,
  MEMBER_PASSWORD,
} from './dialer-journey.ts';
import { DIALER_WORDS } from './dialer-texts.ts';

/** The Parley addon's own protocol helper, served as is: this page runs the addon's real code. */
const PROTOCOL_JS = readFileSync(
  new URL('../../odoo-module/parley/static/src/bridge/protocol.js', import.meta.url),
  'utf8',
);

/**
 * An Odoo page as the addon's systray builds it (odoo-module/parley/static/src/systray): the dialer
 * framed at `dialerUrl(...)`, messages handed to `createDialerLink(...).receive`, and what the link
 * reports (`on.*`) recorded in `window.odoo` where the addon would open a partner or notify.
 */
function odooPage(parleyUrl: string): string {
  return `<!doctype html><title>Odoo</title>
    <script type="module">
      import { createDialerLink, dialerUrl } from '/protocol.js';
      const frame = document.createElement('iframe');
      frame.title = 'Parley';
      frame.allow = 'microphone; autoplay';
      frame.width = '400';
      frame.height = '600';
      frame.src = dialerUrl(${JSON.stringify(parleyUrl)}, 'en_US');
      document.body.append(frame);
      const seen = [];
      const record = (kind) => (value) => seen.push([kind, value]);
      const link = createDialerLink({
        frame: () => frame.contentWindow,
        origin: new URL(${JSON.stringify(parleyUrl)}).origin,
        on: {
          signedIn: record('signedIn'),
          screenPop: record('screenPop'),
          callStarted: record('callStarted'),
          callEnded: record('callEnded'),
          openRecord: record('openRecord'),
        },
      });
      addEventListener('message', (event) => seen.push(['handled', link.receive(event)]));
      window.odoo = { seen, dial: (number) => link.dial(number), src: frame.src };
    </script>`;
}

type Seen = Array<[string, unknown]>;
const seenBy = (page: Page) =>
  page.evaluate(() => (window as unknown as { odoo: { seen: Seen } }).odoo.seen.slice());
const reports = async (page: Page) => (await seenBy(page)).filter(([kind]) => kind !== 'handled');

describe('the dialer inside Odoo, with the Parley addon’s protocol.js on the Odoo side', () => {
  const words = DIALER_WORDS.en;
  let server: TestServer;
  let browser: Browser;
  let account: Awaited<ReturnType<typeof dialerAccount>>;
  let odoo: Server;
  let odooUrl: string;

  beforeAll(async () => {
    ({ server, account } = await dialerServer());
    odoo = createServer((req, res) => {
      if (req.url === '/protocol.js') {
        res.setHeader('content-type', 'text/javascript');
        return res.end(PROTOCOL_JS);
      }
      res.setHeader('content-type', 'text/html');
      res.end(odooPage(server.url));
    });
    await new Promise<void>((resolve) => odoo.listen(0, '127.0.0.1', resolve));
    odooUrl = `http://127.0.0.1:${(odoo.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    odoo?.close();
    await server?.close();
  });

  async function openSignedIn(page: Page) {
    await page.goto(`${odooUrl}/`);
    const dialer = page.frameLocator('iframe[title="Parley"]');
    return {
      dialer,
      signIn: async () => {
        await dialer.getByLabel(words.email).fill(account.member.email);
        await dialer.getByLabel(words.password).fill(MEMBER_PASSWORD);
        await dialer.getByRole('button', { name: words.signIn, exact: true }).click();
        await dialer.locator('[data-live="open"]').waitFor({ state: 'attached' });
      },
    };
  }

  it('a click-to-dial made before sign-in waits for it, then calls; Odoo hears the call start and end', async () => {
    const page = await browser.newPage({ viewport: { width: 440, height: 640 } });
    const { dialer, signIn } = await openSignedIn(page);
    const src = await page.evaluate(() => (window as unknown as { odoo: { src: string } }).odoo.src);
    expect(new URL(src).search).toBe('?host=odoo&lang=en');
    // The phone field's link, clicked while the dialer still shows its sign-in form.
    await page.evaluate(() =>
      (window as unknown as { odoo: { dial(n: string): void } }).odoo.dial('06 12 34 56 78'),
    );
    await signIn();
    await dialer.getByRole('heading', { name: words.ended }).waitFor();
    await dialer.getByLabel(words.notes).fill('Send the quote');
    await dialer.getByRole('button', { name: 'Save notes and disposition' }).click();
    await dialer.getByText('Notes and disposition saved.').waitFor();
    await screenshot(page, 'dialer-odoo-click-to-dial');

    // Signed out at load, then in: the dial waited for the second.
    const seen = await reports(page);
    expect(seen.map(([kind]) => kind)).toEqual(['signedIn', 'signedIn', 'callStarted', 'callEnded']);
    expect(seen[0]?.[1]).toBeNull();
    expect(seen[1]?.[1]).toMatchObject({ email: account.member.email });
    expect(seen[2]?.[1]).toMatchObject({ direction: 'outbound', number: '+33612345678' });
    expect(seen[3]?.[1]).toMatchObject({
      direction: 'outbound',
      number: '+33612345678',
      result: 'answered',
      notes: 'Send the quote',
    });
    const calls = (await account.member.client.get('/api/calls')).body.calls as Array<{ to: string }>;
    expect(calls.map((call) => call.to)).toEqual(['+33612345678']);
    await page.close();
  }, 60_000);

  it('an incoming call asks Odoo to open the caller’s partner; a message from elsewhere is ignored', async () => {
    const page = await browser.newPage({ viewport: { width: 440, height: 640 } });
    const { dialer, signIn } = await openSignedIn(page);
    await signIn();
    await dialer.getByLabel(words.status).selectOption('online');
    await expect
      .poll(async () => {
        const team = await account.member.client.get('/api/team/presence');
        return team.body.members.find((m: { memberId: string }) => m.memberId === account.member.memberId)
          ?.status;
      })
      .toBe('online');

    // The Odoo page itself (not the dialer's origin) forging a screen pop: the link does not take it.
    await page.evaluate(() => window.postMessage({ type: 'parley.screenPop', number: '+15550000000' }, '*'));
    await expect.poll(async () => (await seenBy(page)).at(-1)).toEqual(['handled', false]);

    const held = holdLiveEvents(server.services.bus, ['incoming_call']);
    try {
      const call = inboundCall(server, {
        from: '+33612345678',
        to: account.number.e164,
        script: { answer: [{ by: account.member.memberId, afterSeconds: 2 }], talkSeconds: 5 },
      });
      await dialer.getByRole('heading', { name: words.incoming }).waitFor();
      await expect
        .poll(async () => (await reports(page)).filter(([kind]) => kind === 'screenPop'))
        .toEqual([
          ['screenPop', { callId: expect.any(String), number: '+33612345678', name: 'Alice Martin' }],
        ]);
      await screenshot(page, 'dialer-odoo-screen-pop');
      held.release('incoming_call');
      const callId = await call;
      const pops = (await reports(page)).filter(([kind]) => kind === 'screenPop');
      expect(pops[0]?.[1]).toMatchObject({ callId });
    } finally {
      held.restore();
    }
    await page.close();
  }, 60_000);
});
