import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAdmin } from '../../core/src/http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { WEB_DIST } from '../../core/src/http/web-app.ts';
import { accessibilityProblems, launchBrowser, screenshot } from './browser.ts';

/** The console and the dialer, served by the real server, signed into in a real browser, in both languages. */
describe('signing in to the console and the dialer', () => {
  let server: TestServer;
  let browser: Browser;
  let email: string;

  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}app/index.html`))
      throw new Error('web/dist is missing: run `npm run build:web`');
    server = await startTestServer();
    ({ email } = await signUpAdmin(server, { company: 'Boulangerie Durand' }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['fr', 'Se connecter à Parley', 'E-mail', 'Mot de passe'],
    ['en', 'Sign in to Parley', 'Email', 'Password'],
  ] as const)(
    'in %s: the form is labelled, refuses a wrong password, signs in',
    async (lang, title, emailLabel, passwordLabel) => {
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${server.url}/app`);
      await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `signin-${lang}`);
      await page.getByLabel(emailLabel).fill(email);
      await page.getByLabel(passwordLabel).fill('wrong password here');
      await page.getByRole('button', { name: lang === 'fr' ? 'Se connecter' : 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
      await page.getByLabel(passwordLabel).fill('correct horse battery');
      await page.getByRole('button', { name: lang === 'fr' ? 'Se connecter' : 'Sign in' }).click();
      await expect.poll(() => page.getByText('Boulangerie Durand').count()).toBeGreaterThan(0);
      await context.close();
    },
  );

  it('the dialer can be framed by the CRMs and the deployment’s origins at 400×600; the console by nobody else', async () => {
    const dialer = await fetch(`${server.url}/dialer`);
    const policy = dialer.headers.get('content-security-policy') ?? '';
    // The CRMs' hosts (from their descriptors) and the test's local pages, never any origin at all.
    expect(policy).toMatch(/^frame-ancestors 'self' /);
    expect(policy).toContain('https://app.hubspot.com');
    expect(policy).toContain('https://*.lightning.force.com');
    expect(policy).toContain('https://app.attio.com');
    expect(policy).not.toMatch(/ \*( |$)/);
    const console_ = await fetch(`${server.url}/app`);
    expect(console_.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    // Another origin: a page of its own server (another port) frames the dialer, as a CRM does.
    const host = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<!doctype html><title>CRM</title><iframe title="Parley" src="${server.url}/dialer?lang=en" width="400" height="600" allow="microphone; autoplay"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const page = await browser.newPage({ viewport: { width: 480, height: 680 } });
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.getByRole('heading', { name: 'Sign in to Parley' }).count()).toBe(1);
    await screenshot(page, 'dialer-iframe-400x600');
    await page.close();
    host.close();
  });
});
