import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../core/src/http/testing/client.ts';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { WEB_DIST } from '../../core/src/http/web-app.ts';
import { launchBrowser, screenshot } from './browser.ts';
import { dialerAccount, MEMBER_PASSWORD } from './dialer-journey.ts';

interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/**
 * A CRM page on another site (localhost, while Parley is on 127.0.0.1) frames the dialer. The
 * browser does not send Parley's session cookie to a frame of another site, so the framed dialer
 * works only through the popup sign-in and its in-memory bearer token.
 */
describe('the dialer framed by a CRM on another site signs in through a Parley popup', () => {
  let server: TestServer;
  let browser: Browser;
  let member: { client: ApiClient; email: string; memberId: string };
  let host: Server;
  let hostPort: number;

  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}dialer/index.html`))
      throw new Error('web/dist is missing: run `npm run build:web`');
    server = await startTestServer();
    ({ member } = await dialerAccount(server, null));
    host = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>CRM</title>
        <iframe title="Parley" src="${server.url}/dialer?lang=en" width="400" height="600" allow="microphone; autoplay"></iframe>`);
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

  /** The member's status as the server has it. */
  const myStatus = async () => {
    const team = await member.client.get('/api/team/presence');
    const members: Array<{ memberId: string; status: string }> = team.body.members;
    return members.find((m) => m.memberId === member.memberId)?.status;
  };

  it('signs in in the popup, then calls the API and the live events with the token, not a cookie', async () => {
    const context = await browser.newContext({ viewport: { width: 440, height: 640 } });
    const page = await context.newPage();
    const framed: SeenRequest[] = [];
    page.on('request', async (request) => {
      if (!request.url().startsWith(`${server.url}/api/`)) return;
      framed.push({ method: request.method(), url: request.url(), headers: await request.allHeaders() });
    });
    await page.goto(`http://localhost:${hostPort}/`);
    const dialer = page.frameLocator('iframe[title="Parley"]');

    const opened = context.waitForEvent('page');
    await dialer.getByRole('button', { name: 'Sign in in a new window' }).click();
    const popup = await opened;
    expect(new URL(popup.url()).pathname).toBe('/dialer/popup-sign-in');
    await popup.getByLabel('Email').fill(member.email);
    await popup.getByLabel('Password').fill(MEMBER_PASSWORD);
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Sign in', exact: true }).click();
    await closed;

    await dialer.getByText('Max Member').waitFor();
    await dialer.locator('[data-live="open"]').waitFor({ state: 'attached' });
    await dialer.getByLabel('My status').selectOption('busy');
    await expect.poll(myStatus).toBe('busy');
    await screenshot(page, 'dialer-embedded-signed-in');

    // The popup left a session cookie for Parley, yet the frame never sent it: the token did the work.
    const presence = framed.find((r) => r.method === 'PUT' && r.url.endsWith('/api/me/presence'));
    expect(presence?.headers.authorization).toMatch(/^Bearer pe_/);
    expect(presence?.headers.cookie).toBeUndefined();
    expect((await context.cookies(server.url)).map((c) => c.name)).toContain('parley_session');
    const events = framed.find((r) => new URL(r.url).pathname === '/api/events');
    expect(new URL(events?.url ?? server.url).searchParams.get('access_token')).toMatch(/^pe_/);
    expect(framed.every((r) => r.headers.cookie === undefined)).toBe(true);

    // 15 minutes on, the API refuses the token: the sign-in comes back, and one click mints the
    // next token in a popup that is still signed in to Parley (no password asked).
    server.travel(16 * 60_000);
    try {
      await dialer.getByLabel('My status').selectOption('online');
      const reopened = context.waitForEvent('page');
      await dialer.getByRole('button', { name: 'Sign in in a new window' }).click();
      await (await reopened).waitForEvent('close');
      await dialer.getByText('Max Member').waitFor();
      await dialer.getByLabel('My status').selectOption('online');
      await expect.poll(myStatus).toBe('online');
    } finally {
      server.travel(-16 * 60_000);
    }
    await context.close();
  });
});
