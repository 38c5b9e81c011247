import { existsSync } from 'node:fs';
import type { DevEmulator } from '@parley/connectors/emulators';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { WEB_DIST } from '../../core/src/http/web-app.ts';
import { connect, manualWorker, startEmulator, until } from '../../core/src/sync/testing/sync-harness.ts';
import type { SyncWorker } from '../../core/src/sync/worker.ts';
import { accessibilityProblems, launchBrowser, screenshot } from './browser.ts';
import { dialerAccount, inboundCall, signInOnline } from './dialer-journey.ts';

const ALICE = '+33612345678';

/**
 * After the call the dialer shows where it stands in the CRM (HubSpot's emulator): logged with a
 * link once the sync worker wrote it, or not logged with the CRM's words when access was revoked.
 */
describe('the dialer shows the call’s CRM sync status', () => {
  let server: TestServer;
  let emulator: DevEmulator;
  let browser: Browser;
  let worker: SyncWorker;
  let account: Awaited<ReturnType<typeof dialerAccount>>;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}dialer/index.html`))
      throw new Error('web/dist is missing: run `npm run build:web`');
    emulator = await startEmulator('hubspot');
    const app = emulator.oauthApp;
    server = await startTestServer({
      crm: { apps: app ? { hubspot: { ...app, webhookSecret: emulator.webhookSecret ?? null } } : {} },
    });
    await emulator.seed([
      {
        key: 'alice',
        kind: 'contact',
        name: 'Alice Martin',
        company: 'Acme SAS',
        emails: ['alice@acme.example'],
        phones: ['+33 6 12 34 56 78'],
      },
    ]);
    account = await dialerAccount(server, null);
    worker = manualWorker(server);
    const connection = await connect(server, account.accountId, 'hubspot', emulator);
    await until(
      worker,
      async () =>
        (await account.admin.get(`/api/crm/connections/${connection.id}`)).body.connection.import?.state ===
        'done',
      { what: 'the initial import' },
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 400, height: 600 }, locale: 'en-GB' });
    await signInOnline(page, server, account.member);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
    await server?.close();
  });

  async function takeCallAndSave(disposition: string) {
    await expect
      .poll(async () => {
        const team = await account.member.client.get('/api/team/presence');
        return team.body.members.find((m: { memberId: string }) => m.memberId === account.member.memberId)
          ?.status;
      })
      .toBe('online');
    await inboundCall(server, {
      from: ALICE,
      to: account.number.e164,
      script: { answer: [{ by: account.member.memberId, afterSeconds: 2 }], talkSeconds: 25 },
    });
    await page.getByRole('heading', { name: 'Call ended' }).waitFor();
    // The contact came from HubSpot's import: the dialer names the caller from it.
    await page.getByText('Alice Martin').waitFor();
    await page.getByLabel('Notes').fill('Devis envoyé');
    await page.getByLabel('Disposition').selectOption(disposition);
    await page.getByRole('button', { name: 'Save notes and disposition' }).click();
    await page.getByText('Notes and disposition saved.').waitFor();
  }

  it('logged: says so and links to the call in HubSpot', async () => {
    await takeCallAndSave('interested');
    await until(worker, async () => (await page.getByText('HubSpot: logged').count()) === 1, {
      what: 'the dialer to show the call logged',
    });
    const link = page.getByRole('link', { name: 'Open in HubSpot' });
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'dialer-crm-logged-en');
    await page.getByRole('button', { name: 'Back to the keypad' }).click();
  });

  it('failed: shows the CRM’s message when it refuses the call', async () => {
    emulator.revokeAccess();
    await takeCallAndSave('follow_up');
    await until(worker, async () => (await page.getByText(/HubSpot: not logged — .+/).count()) === 1, {
      what: 'the dialer to show the CRM’s refusal',
    });
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'dialer-crm-failed-en');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  });
});
