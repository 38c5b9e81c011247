import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { WEB_DIST } from '../../core/src/http/web-app.ts';
import { launchBrowser } from './browser.ts';
import { checkScreen, type Lang, textsFor } from './console-helpers.ts';
import { ANSWERED_CALL_WORDS, insightsTeam } from './insights-setup.ts';

const tag = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** Dashboard, supervision and troubleshooting over real calls, in a real browser, in both languages. */
describe('the console’s dashboard, supervision and troubleshooting', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}app/index.html`))
      throw new Error('web/dist is missing: run `npm run build:web`');
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['en', 'fr'] as const)(
    'in %s: the dashboard counts the calls, supervision plays one and takes a comment at a moment, troubleshooting answers the four questions',
    async (lang: Lang) => {
      const t = textsFor(lang);
      const team = await insightsTeam(server, `Insights ${lang.toUpperCase()}`);
      const context = await browser.newContext({ locale: tag(lang) });
      // The admin's session from the API sign-up, as the browser would hold it after signing in.
      const [name = '', value = ''] = (team.admin.cookie ?? '').split(/=(.*)/s);
      await context.addCookies([{ name, value, url: server.url }]);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.url}/app`);

      await dashboard(page, lang, team.member.memberId);
      await supervision(page, lang, team.answeredCallId);

      // Troubleshooting: the four questions, each finding in the page's language (none of the API's English).
      await page.getByRole('link', { name: t('nav.troubleshooting') }).click();
      await page.getByRole('heading', { name: t('trouble.title'), exact: true }).waitFor();
      await expect.poll(() => page.locator('[data-problem]').count()).toBe(4);
      for (const problem of [
        'invitation_not_received',
        'cannot_add_members',
        'calls_not_routing',
        'crm_not_syncing',
      ] as const)
        await page.getByRole('heading', { name: t(`trouble.problem.${problem}`), exact: true }).waitFor();
      expect(await page.locator('[data-code="crm_not_connected"]').textContent()).toContain(
        t('trouble.code.crm_not_connected'),
      );
      expect(await page.locator('[data-code="number_reaches_members"]').textContent()).toContain(
        lang === 'fr' ? 'Tout le monde en même temps' : 'Everyone at once',
      );
      // The API's messages are English: a French page words every finding from its code instead.
      const api = await team.admin.get('/api/troubleshooting');
      const body = (await page.locator('main').textContent()) ?? '';
      for (const diagnosis of api.body.diagnoses as Array<{ findings: Array<{ message: string }> }>)
        for (const finding of diagnosis.findings)
          if (lang === 'fr') expect(body).not.toContain(finding.message);
      await page
        .locator('[data-code="crm_not_connected"]')
        .getByRole('link', { name: t('trouble.fixIn', { screen: t('nav.integrations') }) })
        .waitFor();
      expect(await unreachable(page)).toEqual([]);
      await checkScreen(page, lang, 'troubleshooting');

      // Back on Starter, the Business screens say so with an upgrade message, not an error.
      expect((await team.admin.put('/api/billing/plan', { plan: 'starter' })).status).toBe(200);
      for (const [path, title] of [
        ['/dashboard', t('dash.title')],
        ['/supervision', t('sup.title')],
      ] as const) {
        await page.goto(`${server.url}/app${path}`);
        await page.getByRole('heading', { name: title, exact: true }).waitFor();
        await page.getByText(t('notice.upgrade')).waitFor();
      }
      await context.close();
    },
    120_000,
  );
});

async function dashboard(page: Page, lang: Lang, memberId: string): Promise<void> {
  const t = textsFor(lang);
  await page.getByRole('link', { name: t('nav.dashboard') }).click();
  await page.getByRole('heading', { name: t('dash.title'), exact: true }).waitFor();
  const figure = (id: string) => page.getByTestId(`figure-${id}`).textContent();
  await expect.poll(() => figure('calls')).toBe(new Intl.NumberFormat(tag(lang)).format(3));
  expect(await figure('missed')).toBe('1');
  expect(await figure('answer-rate')).toBe(
    new Intl.NumberFormat(tag(lang), { style: 'percent', maximumFractionDigits: 0 }).format(2 / 3),
  );
  expect(await page.locator(`[data-member-row="${memberId}"]`).textContent()).toContain('Max Member');
  // Both charts are drawn, and each says what it shows to those who cannot see it.
  expect(await page.locator('canvas[role="img"]').count()).toBe(2);
  expect(await page.locator('canvas[role="img"]').first().getAttribute('aria-label')).toContain(
    t('dash.byDay'),
  );
  await expect.poll(() => page.locator('table.visually-hidden').count()).toBe(2);
  expect(await unreachable(page)).toEqual([]);
  await checkScreen(page, lang, 'dashboard');
  // One member's figures, then a range that ends before it starts: refused next to the field.
  await page.getByLabel(t('dash.who'), { exact: true }).selectOption({ label: 'Max Member' });
  await page.getByRole('button', { name: t('dash.show') }).click();
  await expect.poll(() => figure('calls')).toBe('3');
  await page.getByLabel(t('dash.from'), { exact: true }).fill('2026-03-10');
  await page.getByLabel(t('dash.to'), { exact: true }).fill('2026-03-01');
  await page.getByRole('button', { name: t('dash.show') }).click();
  await expect
    .poll(() => page.getByLabel(t('dash.to'), { exact: true }).getAttribute('aria-invalid'))
    .toBe('true');
  await checkScreen(page, lang, 'dashboard-invalid-range');
}

async function supervision(page: Page, lang: Lang, callId: string): Promise<void> {
  const t = textsFor(lang);
  await page.getByRole('link', { name: t('nav.supervision') }).click();
  await page.getByRole('heading', { name: t('sup.title'), exact: true }).waitFor();
  await page.getByText(t('sup.liveNone')).waitFor();
  await checkScreen(page, lang, 'supervision');
  await page.getByRole('link', { name: t('sup.memberCalls', { name: 'Max Member' }) }).click();
  await page
    .getByRole('heading', { name: t('sup.memberTitle', { name: 'Max Member' }), exact: true })
    .waitFor();
  const row = page.locator(`[data-call="${callId}"]`);
  await row.waitFor();
  expect(await page.locator('[data-call]').count()).toBe(3);
  await checkScreen(page, lang, 'supervision-member');
  await row.getByRole('link').click();
  await page.getByRole('heading', { name: t('sup.recording'), exact: true }).waitFor();
  // The recording plays from Parley (access-controlled, byte ranges), not from the carrier.
  const player = page.getByLabel(t('sup.player'), { exact: true });
  expect(await player.getAttribute('src')).toBe(`/api/calls/${callId}/recording`);
  // The pipeline ran: its steps, the transcript by speaker, and a summary honest about being an extract.
  expect(await page.getByTestId('ai-stages').locator('[data-status="done"]').count()).toBe(3);
  await page.getByTestId('transcript').getByText(ANSWERED_CALL_WORDS).waitFor();
  await page.getByRole('heading', { name: t('ci.summaryExtract'), exact: true }).waitFor();
  expect(await page.getByText(t('ci.summaryAi'), { exact: true }).count()).toBe(0);
  await expect.poll(() => player.evaluate((audio: HTMLAudioElement) => audio.readyState)).toBeGreaterThan(0);
  await player.evaluate((audio: HTMLAudioElement) => {
    audio.currentTime = 4;
  });
  const moment = '0:04';
  const body = page.getByLabel(t('comments.body'), { exact: true });
  // Submitting nothing is refused next to the field.
  await page.getByRole('button', { name: t('comments.addWhole') }).click();
  await expect.poll(() => body.getAttribute('aria-invalid')).toBe('true');
  await body.fill(lang === 'fr' ? 'Présentez-vous plus tôt' : 'Introduce yourself sooner');
  await page.getByRole('button', { name: t('comments.addAt', { moment }) }).click();
  await page.getByText(t('comments.added')).waitFor();
  await body.fill(lang === 'fr' ? 'Bon appel' : 'Good call overall');
  await page.getByRole('button', { name: t('comments.addWhole') }).click();
  await expect.poll(() => page.locator('[data-comment]').count()).toBe(2);
  // Whole-call comments first, then by moment.
  const moments = await page.locator('.comment-moment').allTextContents();
  expect(moments).toEqual([t('comments.whole'), t('comments.at', { moment })]);
  expect(await unreachable(page)).toEqual([]);
  await checkScreen(page, lang, 'supervision-call');
}

/**
 * Controls Tab never reaches from the top of the page. Date fields take one Tab per part (day,
 * month, year) and scrolling regions one more, so it presses Tab three times per control.
 */
async function unreachable(page: Page): Promise<string[]> {
  const selector = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, a[href]';
  const total = await page.evaluate((query) => {
    const controls = [...document.querySelectorAll<HTMLElement>(query)];
    controls.forEach((el, n) => {
      el.dataset.kbd = String(n);
    });
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    return controls.length;
  }, selector);
  const seen = new Set<string>();
  for (let press = 0; press < total * 3 + 5 && seen.size < total; press++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() =>
      document.activeElement instanceof HTMLElement ? (document.activeElement.dataset.kbd ?? null) : null,
    );
    if (id !== null) seen.add(id);
  }
  return page.evaluate(
    (reached) =>
      [...document.querySelectorAll<HTMLElement>('[data-kbd]')]
        .filter((el) => !reached.includes(el.dataset.kbd ?? ''))
        .map((el) => el.getAttribute('aria-label') ?? el.textContent ?? el.tagName),
    [...seen],
  );
}
