import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../core/src/http/testing/client.ts';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { WEB_DIST } from '../../core/src/http/web-app.ts';
import { accessibilityProblems, launchBrowser, screenshot } from './browser.ts';
import { dialerAccount, MEMBER_PASSWORD } from './dialer-journey.ts';
import { unreachableByKeyboard } from './keyboard.ts';

interface HostMessage {
  origin: string;
  data: { type: string; call?: Record<string, unknown>; member?: { email: string } | null };
}

async function signIn(scope: Page | FrameLocator, email: string, lang: 'en' | 'fr') {
  await scope.getByLabel(lang === 'fr' ? 'E-mail' : 'Email').fill(email);
  await scope.getByLabel(lang === 'fr' ? 'Mot de passe' : 'Password').fill(MEMBER_PASSWORD);
  await scope.getByRole('button', { name: lang === 'fr' ? 'Se connecter' : 'Sign in', exact: true }).click();
}

/**
 * Click-to-call from outside the dialer: a CRM page on another origin frames it and posts
 * `parley.dial`; a `tel:` link opens it with `?call=`. On the simulator the server plays the
 * outbound call to its end (the callee answers, talks 30 s), so the dialer goes to the after-call screen.
 */
describe('the dialer dials what a host page or a link asks', () => {
  let server: TestServer;
  let browser: Browser;
  let member: { client: ApiClient; email: string; memberId: string };
  let host: Server;
  let hostPort: number;

  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}dialer/index.html`))
      throw new Error('web/dist is missing: run `npm run build:web`');
    server = await startTestServer();
    ({ member } = await dialerAccount(server, {
      phone: '+33 6 98 76 54 32',
      name: 'Bruno Petit',
      company: 'Petit & Fils',
    }));
    // One server, two origins: the CRM page on 127.0.0.1, a stranger's frame on localhost.
    host = createServer((req, res) => {
      res.setHeader('content-type', 'text/html');
      if (req.url === '/stranger') return res.end('<!doctype html><title>Stranger</title>');
      res.end(`<!doctype html><title>CRM</title>
        <script>window.got = []; addEventListener('message', (e) => got.push({ origin: e.origin, data: e.data }));</script>
        <iframe title="Parley" src="${server.url}/dialer?lang=en" width="400" height="600" allow="microphone; autoplay"></iframe>
        <iframe title="Stranger" src="http://localhost:${hostPort}/stranger" width="10" height="10"></iframe>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostPort = (host.address() as AddressInfo).port;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    host?.close();
    await server?.close();
  });

  const outboundCalls = async () =>
    (await member.client.get('/api/calls')).body.calls.filter(
      (c: { direction: string }) => c.direction === 'outbound',
    ) as Array<{ id: string; to: string }>;

  it('in a 400×600 iframe of another origin: dials on the host’s message, ignores a stranger’s, reports to the host', async () => {
    const page = await browser.newPage({ viewport: { width: 440, height: 640 } });
    await page.goto(`http://127.0.0.1:${hostPort}/`);
    const dialer = page.frameLocator('iframe[title="Parley"]');
    await signIn(dialer, member.email, 'en');
    await dialer.locator('[data-live="open"]').waitFor({ state: 'attached' });
    const stranger = page.frames().find((f: Frame) => f.url().includes('/stranger'));
    await stranger?.evaluate(() =>
      window.parent.frames[0]?.postMessage({ type: 'parley.dial', number: '+33 6 00 00 00 01' }, '*'),
    );
    await page.waitForTimeout(500);
    expect(await outboundCalls()).toEqual([]);

    await page.evaluate(
      (origin) =>
        document
          .querySelector('iframe')
          ?.contentWindow?.postMessage({ type: 'parley.dial', number: '06 98 76 54 32' }, origin),
      server.url,
    );
    await dialer.getByRole('heading', { name: 'Call ended' }).waitFor();
    await dialer.getByText('Result: Answered').waitFor();
    expect((await outboundCalls()).map((c) => c.to)).toEqual(['+33698765432']);
    await dialer.getByLabel('Disposition').selectOption('interested');
    await dialer.getByRole('button', { name: 'Save notes and disposition' }).click();
    await dialer.getByText('Notes and disposition saved.').waitFor();
    await screenshot(page, 'dialer-host-dial-iframe');

    const got = await page.evaluate(() => (window as unknown as { got: HostMessage[] }).got);
    // Every report goes to the framing page's origin only: first who is signed in (nobody, then the
    // member), then the call.
    expect(got.map((m) => m.origin)).toEqual(got.map(() => server.url));
    expect(got.map((m) => m.data.type)).toEqual([
      'parley.signedIn',
      'parley.signedIn',
      'parley.callStarted',
      'parley.callEnded',
    ]);
    expect(got.map((m) => m.data.member?.email ?? null).slice(0, 2)).toEqual([null, member.email]);
    expect(got[3]?.data.call).toMatchObject({
      direction: 'outbound',
      number: '+33698765432',
      result: 'answered',
      disposition: 'interested',
    });
    await page.close();
  });

  it('at 375 px in French: a tel: link calls, recent calls and contact search work, refused permissions say what to do', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 375, height: 667 } });
    const page = await context.newPage();
    // The rep said no to both prompts earlier: the browser now answers "denied" without asking.
    await page.addInitScript(() => {
      const denied = { state: 'denied', addEventListener() {}, removeEventListener() {} };
      navigator.permissions.query = async () => denied as unknown as PermissionStatus;
      Object.defineProperty(Notification, 'permission', { get: () => 'denied' });
    });
    await page.goto(`${server.url}/dialer?lang=fr&call=${encodeURIComponent('tel:+33698765432')}`);
    await signIn(page, member.email, 'fr');
    await page.getByRole('heading', { name: 'Appel terminé' }).waitFor();
    await page.getByText('Bruno Petit').waitFor();
    expect(new URL(page.url()).searchParams.has('call')).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'dialer-375-tel-link-fr');
    await page.getByRole('button', { name: 'Retour au clavier' }).click();
    await page.getByRole('alert').filter({ hasText: 'Autorisez le micro et les notifications' }).waitFor();
    const field = page.getByLabel('Numéro à appeler');
    // The last number stays for a redial; the rep clears it to type another.
    expect(await field.inputValue()).toBe('+33 6 98 76 54 32');
    await field.fill('');
    for (const key of ['0', '6', '9', '8'])
      await page.getByRole('button', { name: key, exact: true }).click();
    expect(await field.inputValue()).toBe('06 98');
    expect(await page.getByRole('button', { name: 'Appeler', exact: true }).isDisabled()).toBe(true);
    await field.press('End');
    await field.pressSequentially('765432');
    expect(await field.inputValue()).toBe('06 98 76 54 32');
    // A digit typed in the middle stays where it was typed, not at the end.
    await field.press('Home');
    for (let i = 0; i < 4; i++) await field.press('ArrowRight');
    await field.press('Backspace');
    await field.press('1');
    expect(await field.inputValue()).toBe('06 18 76 54 32');
    expect(await page.getByRole('button', { name: 'Appeler', exact: true }).isEnabled()).toBe(true);

    await page.getByRole('tab', { name: 'Récents' }).click();
    await page.getByRole('heading', { name: 'Appels récents' }).waitFor();
    expect(await page.getByRole('button', { name: 'Rappeler le 06 98 76 54 32' }).count()).toBe(2);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'dialer-375-recent-fr');

    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.getByLabel('Rechercher un contact').fill('Petit');
    await page.getByRole('button', { name: 'Appeler Bruno Petit' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await unreachableByKeyboard(page)).toEqual([]);
    await screenshot(page, 'dialer-375-contacts-fr');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await context.close();
  });
});
