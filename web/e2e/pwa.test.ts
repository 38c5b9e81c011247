import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { launchBrowser } from './browser.ts';

/** What makes the dialer and console installable apps: a manifest with icons and a service worker. */
describe('installable apps', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves a manifest whose icons load, linked from both apps', async () => {
    const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: 'Parley', start_url: '/dialer', display: 'standalone' });
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const response = await fetch(`${server.url}${icon.src}`);
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
    }
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(['192x192', '512x512']);
    for (const page of ['/app', '/dialer']) {
      expect(await (await fetch(`${server.url}${page}`)).text()).toContain('rel="manifest"');
    }
  });

  it('registers the service worker, which shows the dialer’s notifications', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['notifications'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(`${server.url}/dialer`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.url}/`);
    const titles = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      registration.active?.postMessage({
        type: 'parley.notify',
        title: 'Appel de Alice Martin',
        tag: 'parley-incoming',
      });
      for (let i = 0; i < 50; i++) {
        const shown = await registration.getNotifications();
        if (shown.length > 0) return shown.map((notification) => notification.title);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return [];
    });
    expect(titles).toEqual(['Appel de Alice Martin']);
    await context.close();
  });
});
