import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../core/src/http/testing/client.ts';
import type { TestServer } from '../../core/src/http/testing/test-server.ts';
import { accessibilityProblems, launchBrowser, screenshot } from './browser.ts';
import {
  type dialerAccount,
  dialerServer,
  holdLiveEvents,
  inboundCall,
  MEMBER_PASSWORD,
} from './dialer-journey.ts';
import { englishLeftovers, DIALER_WORDS as LANGS, pageWidth } from './dialer-texts.ts';
import { unreachableByKeyboard } from './keyboard.ts';

const CALLER = '+33612345678';

/**
 * The member's dialer against the real server at 400×600: signs in, goes online, an inbound
 * simulated call rings it with the recognised contact, is answered (by the call script: answering
 * from the browser needs Twilio), ends; notes and disposition are saved from the screen.
 */
describe('the dialer takes a call in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let account: Awaited<ReturnType<typeof dialerAccount>>;
  let member: { client: ApiClient; email: string; memberId: string };

  beforeAll(async () => {
    ({ server, account } = await dialerServer());
    member = account.member;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['en', 'fr'] as const)(
    'in %s: rings with the contact, shows the call live, then saves notes and disposition to the call',
    async (lang) => {
      const words = LANGS[lang];
      const context = await browser.newContext({
        locale: words.locale,
        viewport: { width: 400, height: 600 },
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/dialer?lang=${lang}`);
      await page.getByLabel(words.email).fill(member.email);
      await page.getByLabel(words.password).fill(MEMBER_PASSWORD);
      await page.getByRole('button', { name: words.signIn, exact: true }).click();
      await page.getByLabel(words.status).selectOption('online');
      await expect
        .poll(async () => {
          const team = await member.client.get('/api/team/presence');
          return team.body.members.find((m: { memberId: string }) => m.memberId === member.memberId)?.status;
        })
        .toBe('online');
      await page.locator('[data-live="open"]').waitFor({ state: 'attached' });
      expect(await page.getByText(words.simulator).count()).toBe(1);
      expect(await accessibilityProblems(page)).toEqual([]);
      if (lang === 'fr') expect(await englishLeftovers(page)).toEqual([]);
      await screenshot(page, `dialer-keypad-${lang}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(400);
      expect(await unreachableByKeyboard(page)).toEqual([]);

      const held = holdLiveEvents(server.services.bus, ['incoming_call', 'call_answered']);
      try {
        const call = inboundCall(server, {
          from: CALLER,
          to: account.number.e164,
          script: { answer: [{ by: member.memberId, afterSeconds: 4 }], talkSeconds: 42 },
        });

        await page.getByRole('heading', { name: words.incoming }).waitFor();
        expect(await page.getByText('Alice Martin').count()).toBe(1);
        expect(await page.getByText('Acme SAS').count()).toBe(1);
        expect(await accessibilityProblems(page)).toEqual([]);
        if (lang === 'fr') expect(await englishLeftovers(page)).toEqual([]);
        await screenshot(page, `dialer-ringing-${lang}`);
        expect(await pageWidth(page)).toBeLessThanOrEqual(400);
        held.release('incoming_call');

        await page.getByRole('heading', { name: words.inCall }).waitFor();
        await page.getByLabel(words.notes).fill('Rappeler jeudi pour le devis');
        const mute = page.getByRole('button', { name: words.mute, exact: true });
        await mute.click();
        expect(await page.getByRole('button', { pressed: true }).count()).toBe(1);
        expect(await accessibilityProblems(page)).toEqual([]);
        if (lang === 'fr') expect(await englishLeftovers(page)).toEqual([]);
        await screenshot(page, `dialer-in-call-${lang}`);
        expect(await pageWidth(page)).toBeLessThanOrEqual(400);
        expect(await unreachableByKeyboard(page)).toEqual([]);
        held.release('call_answered');

        const callId = await call;
        await page.getByRole('heading', { name: words.ended }).waitFor();
        await page.getByText(words.answered).waitFor();
        expect(await page.getByLabel(words.notes).inputValue()).toBe('Rappeler jeudi pour le devis');
        await page.getByLabel(words.disposition).selectOption('follow_up');
        await page.getByRole('button', { name: words.save }).click();
        await page.getByText(words.saved).waitFor();
        expect(await accessibilityProblems(page)).toEqual([]);
        if (lang === 'fr') expect(await englishLeftovers(page)).toEqual([]);
        await screenshot(page, `dialer-ended-${lang}`);
        expect(await pageWidth(page)).toBeLessThanOrEqual(400);
        expect(await unreachableByKeyboard(page)).toEqual([]);

        const saved = await member.client.get(`/api/calls/${callId}`);
        expect(saved.body).toMatchObject({
          result: 'answered',
          memberId: member.memberId,
          record: { notes: 'Rappeler jeudi pour le devis', disposition: 'follow_up', talkSeconds: 42 },
        });
      } finally {
        held.restore();
      }
      await context.close();
    },
    60_000,
  );
});
