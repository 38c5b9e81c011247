import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../core/src/http/testing/fixtures.ts';
import type { TestServer } from '../../core/src/http/testing/test-server.ts';
import { sql } from '../../core/src/store/sql.ts';
import { simulatorCredentials } from '../../core/src/telephony/account-carriers.ts';
import { httpDeviceSignal, simulateInboundCall } from '../../core/src/telephony/simulator/voice/index.ts';
import { accessibilityProblems, launchBrowser, screenshot } from './browser.ts';
import { type dialerAccount, dialerServer, signInOnline } from './dialer-journey.ts';

/**
 * `parley simulate` without --answer: the call rings the member's dialer in real time, and the
 * dialer's own buttons answer, transfer, hang up and decline it. Chromium's fake microphone
 * feeds the call-quality check.
 */
describe('the dialer answers a simulated call itself', () => {
  let server: TestServer;
  let browser: Browser;
  let account: Awaited<ReturnType<typeof dialerAccount>>;
  let page: Page;
  let teammate: string;

  beforeAll(async () => {
    ({ server, account } = await dialerServer());
    teammate = (await addMember(server, account.admin)).memberId;
    browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 400, height: 600 } });
    await context.grantPermissions(['microphone'], { origin: server.url });
    page = await context.newPage();
    await signInOnline(page, server, account.member);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A call the script leaves to the dialers, asked over HTTP as `parley simulate` asks. */
  function ring(from: string) {
    const { accountSid, authToken } = simulatorCredentials(server.services.secrets);
    return simulateInboundCall({
      voiceUrl: `${server.url}/webhooks/twilio/voice`,
      statusUrl: `${server.url}/webhooks/twilio/status`,
      accountSid,
      authToken,
      from,
      to: account.number.e164,
      script: { talkSeconds: 120 },
      devices: httpDeviceSignal({ url: `${server.url}/api/simulator/device`, authToken }),
    });
  }

  it('answers from the Answer button, transfers with the API’s field error shown, and hangs up', async () => {
    const story = ring('+33612345678');
    await page.getByRole('heading', { name: 'Incoming call' }).waitFor();
    expect(await page.getByText('Alice Martin').count()).toBe(1);
    await page.getByRole('button', { name: 'Answer' }).click();
    await page.getByRole('heading', { name: 'In call' }).waitFor();

    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await page.getByLabel('Or a number').fill('12 34');
    await page.getByRole('button', { name: 'Transfer the call' }).click();
    const fieldError = page.locator('.transfer .field-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toMatch(/not a valid phone number/);
    expect(await page.getByLabel('Or a number').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'dialer-transfer-error-en');

    await page.getByLabel('Or a number').fill('');
    await page.getByLabel('A teammate').selectOption(teammate);
    await page.getByRole('button', { name: 'Transfer the call' }).click();
    await page.getByText('Transfer to Max Member requested.').waitFor();

    await page.getByRole('button', { name: 'Hang up' }).click();
    const ended = await story;
    await page.getByRole('heading', { name: 'Call ended' }).waitFor();
    await page.getByText('Result: Answered').waitFor();
    expect(ended.answeredBy).toMatch(/^m_/);
    const call = await server.services.db.one<{ id: string; result: string; member_id: string }>(
      sql`select id, result, member_id from calls where carrier_call_sid = ${ended.callSid}`,
    );
    expect(call).toMatchObject({ result: 'answered', member_id: account.member.memberId });
    const read = await account.member.client.get(`/api/calls/${call.id}`);
    expect(read.body.transfers).toMatchObject([{ targetMemberId: teammate, carrier: 'simulator' }]);
    await page.getByRole('button', { name: 'Back to the keypad' }).click();
  }, 90_000);

  it('declines from the Decline button: the call stops ringing the member at once', async () => {
    const began = Date.now();
    const story = ring('+33698765432');
    await page.getByRole('heading', { name: 'Incoming call' }).waitFor();
    await page.getByRole('button', { name: 'Decline' }).click();
    const ended = await story;
    expect(ended.lines.some((line) => line.includes('declines in the dialer'))).toBe(true);
    expect(Date.now() - began).toBeLessThan(15_000);
    expect(ended.answeredBy).toBeUndefined();
  }, 60_000);

  it('checks the microphone level and the network before calls', async () => {
    await page.getByRole('button', { name: 'Call quality check' }).click();
    await page.getByRole('button', { name: 'Check microphone and network' }).click();
    await page.locator('[data-network="done"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-network="done"]').textContent()).toMatch(
      // The verdict depends on the machine the test runs on (a loaded CI box has jitter even on localhost).
      /^Network (good|fair, calls may crackle|poor, calls will cut out): round trip \d+ ms, jitter \d+ ms, loss 0 %\.$/,
    );
    expect(await page.locator('[data-mic]').getAttribute('data-mic')).toBe('heard');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'dialer-quality-check-en');
  }, 60_000);
});
