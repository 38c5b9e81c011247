import { existsSync } from 'node:fs';
import { type DevEmulator, emulators } from '@parley/connectors/emulators';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../core/src/http/testing/client.ts';
import { openAroundTheClock } from '../../core/src/http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { WEB_DIST } from '../../core/src/http/web-app.ts';
import { accessibilityProblems, launchBrowser, screenshot } from './browser.ts';
import { checkScreen, type Lang, textsFor } from './console-helpers.ts';
import { inboundCall } from './dialer-journey.ts';
import { DIALER_WORDS, englishLeftovers, pageWidth } from './dialer-texts.ts';

const PASSWORD = 'correct horse battery';
const CALLER = '+33612345678';

/**
 * The admin guide, screen by screen, in a real browser against the real server, in both languages,
 * ending with the whole journey: the member's dialer takes a call that the admin then finds on the
 * dashboard and coaches from supervision.
 */
describe('the admin console', () => {
  let server: TestServer;
  let browser: Browser;
  let odoo: DevEmulator;

  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}app/index.html`))
      throw new Error('web/dist is missing: run `npm run build:web`');
    server = await startTestServer();
    odoo = await emulators.odoo();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await odoo?.close();
    await server?.close();
  });

  it.each(['en', 'fr'] as const)(
    'in %s: an admin signs up, buys a number, adds a seat, invites; the member joins and picks a number; the admin sets hours, routing and Odoo; the member takes a call in the dialer; the admin finds it on the dashboard and coaches it from supervision',
    async (lang: Lang) => {
      const t = textsFor(lang);
      const admin = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
      const page = await admin.newPage();
      page.setDefaultTimeout(10_000);
      const company = `Cabinet ${lang.toUpperCase()} ${Date.now().toString(36)}`;
      const adminEmail = `admin.${lang}.${Date.now().toString(36)}@example.com`;

      // Sign up from the sign-in page's link.
      await page.goto(`${server.url}/app`);
      await page.getByRole('link', { name: t('signin.noAccount') }).click();
      await page.getByRole('heading', { name: t('signup.title'), exact: true }).waitFor();
      await checkScreen(page, lang, 'signup');
      await page.getByLabel(t('signup.name')).fill('Ada Admin');
      await page.getByLabel(t('signup.email')).fill(adminEmail);
      await page.getByLabel(t('signup.password')).fill(PASSWORD);
      await page.getByLabel(t('signup.company')).fill(company);
      await page.getByRole('button', { name: t('signup.submit') }).click();

      // The checklist starts with everything to do, each item saying what is missing.
      await page.getByRole('heading', { name: t('home.title'), exact: true }).waitFor();
      await expect
        .poll(() => page.getByTestId('checklist-progress').textContent())
        .toBe(t('home.progress', { done: 0, total: 6 }));
      await expect.poll(() => page.getByText(t('check.number.missing')).count()).toBe(1);
      await checkScreen(page, lang, 'checklist-empty');

      // Keyboard: the menu is reachable with Tab and follows Enter.
      await keyboardTo(page, t('nav.numbers'));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: t('numbers.title'), exact: true }).waitFor();

      // Numbers: search, then buy the first one for the admin.
      await page.getByRole('button', { name: t('numbers.find') }).click();
      const first = page.locator('[data-available]').first();
      await first.waitFor();
      const e164 = (await first.getAttribute('data-available')) ?? '';
      await page.getByLabel(t('numbers.assignNew', { number: e164 })).selectOption({ label: 'Ada Admin' });
      await checkScreen(page, lang, 'numbers-search');
      await page.getByRole('button', { name: t('numbers.buy', { number: e164 }) }).click();
      await page.locator(`[data-number="${e164}"]`).waitFor();
      await checkScreen(page, lang, 'numbers');

      // Billing: one more seat, cost shown first, then confirmed.
      await page.getByRole('link', { name: t('nav.billing') }).click();
      await page.getByLabel(t('billing.delta')).fill('1');
      await page.getByRole('button', { name: t('billing.preview') }).click();
      await page.getByRole('button', { name: t('billing.confirm') }).waitFor();
      await checkScreen(page, lang, 'billing-preview');
      await page.getByRole('button', { name: t('billing.confirm') }).click();
      await page.getByText(t('billing.applied', { seats: 2 })).waitFor();
      // The card form: a wrong last-four is refused next to its field, then the card is kept.
      await page.getByLabel(t('payment.brand')).fill('Visa');
      await page.getByLabel(t('payment.last4')).fill('42');
      await page.getByLabel(t('payment.expMonth')).fill('12');
      await page.getByLabel(t('payment.expYear')).fill('2031');
      await page.getByRole('button', { name: t('payment.save') }).click();
      await expect.poll(() => page.getByLabel(t('payment.last4')).getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel(t('payment.last4')).fill('4242');
      await page.getByRole('button', { name: t('payment.save') }).click();
      await page.getByText(t('payment.current', { brand: 'Visa', last4: '4242' })).waitFor();
      await checkScreen(page, lang, 'billing');

      // Team: an invalid email is refused next to its field, then the invitation goes.
      await page.getByRole('link', { name: t('nav.team') }).click();
      const emailField = page.getByLabel(t('inv.email'));
      await emailField.fill('not-an-email');
      await page.getByRole('button', { name: t('inv.send') }).click();
      await expect.poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await emailField.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBeTruthy();
      await checkScreen(page, lang, 'team-invalid-email');
      const memberEmail = `member.${lang}.${Date.now().toString(36)}@example.com`;
      await emailField.fill(memberEmail);
      await page.getByRole('button', { name: t('inv.send') }).click();
      await page.locator(`[data-invitation="${memberEmail}"]`).waitFor();
      await expect
        .poll(() => page.locator('[data-invitation]').textContent())
        .toContain(t('inv.state.pending'));
      await page.getByRole('button', { name: t('inv.resend', { email: memberEmail }) }).click();
      await expect
        .poll(() => page.locator(`[data-invitation="${memberEmail}"]`).textContent())
        .toContain(t('inv.attempts', { count: 2 }));
      await checkScreen(page, lang, 'team-invited');

      // The invitee, in a browser of their own, follows the emailed link, then picks a number.
      const mail = server.emails.findLast((e) => e.to === memberEmail);
      const token = decodeURIComponent(/token=([^\s&]+)/.exec(mail?.text ?? '')?.[1] ?? '');
      expect(token).not.toBe('');
      const invitee = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
      const memberPage = await invitee.newPage();
      memberPage.setDefaultTimeout(10_000);
      await memberPage.goto(`${server.url}/app/join?token=${encodeURIComponent(token)}`);
      await memberPage
        .getByRole('heading', { name: t('join.title', { account: company }), exact: true })
        .waitFor();
      await checkScreen(memberPage, lang, 'join');
      await memberPage.getByLabel(t('join.name')).fill('Max Member');
      await memberPage.getByLabel(t('join.password')).fill('another good password');
      await memberPage.getByRole('button', { name: t('join.submit') }).click();
      await memberPage.getByRole('heading', { name: t('myNumber.title'), exact: true }).waitFor();
      const take = memberPage
        .getByRole('button', { name: new RegExp(t('myNumber.take', { number: '' }).trim()) })
        .first();
      await take.waitFor();
      await checkScreen(memberPage, lang, 'my-number-pick');
      await take.click();
      await memberPage.getByText(new RegExp(t('myNumber.current', { number: '\\+\\d+' }))).waitFor();
      await checkScreen(memberPage, lang, 'my-number');

      // The admin sees the new member with their number and status.
      await page.reload();
      await page.locator(`[data-member="${memberEmail}"]`).waitFor();
      await expect
        .poll(() => page.locator(`[data-member="${memberEmail}"]`).textContent())
        .toContain(t('team.status.offline'));
      // Roles change in place.
      const role = page.getByLabel(t('team.role', { name: 'Max Member' }));
      await role.selectOption('admin');
      await page.reload();
      await expect.poll(() => role.inputValue()).toBe('admin');
      await role.selectOption('member');
      await checkScreen(page, lang, 'team');

      // Business hours: the AI receptionist is a Business feature, shown as an upgrade on Starter.
      await page.getByRole('link', { name: t('nav.hours') }).click();
      await page.getByLabel(t('hours.afterKind')).selectOption('ai_receptionist');
      await page.getByText(t('notice.upgrade')).waitFor();
      await checkScreen(page, lang, 'hours-upgrade');
      await page.getByLabel(t('hours.afterKind')).selectOption('voicemail');
      await page.getByLabel(t('hours.to', { day: t('day.fri'), n: 1 })).fill('17:00');
      await page.getByRole('button', { name: lang === 'fr' ? 'Enregistrer' : 'Save' }).click();
      await page.getByText(t('hours.saved')).waitFor();
      await checkScreen(page, lang, 'hours');

      // Routing: a cascade on the admin's number.
      await page.getByRole('link', { name: t('nav.routing') }).click();
      await page.getByLabel(t('routing.number')).selectOption({ label: e164 });
      await page.getByLabel(t('routing.cascade')).check();
      await page.getByRole('button', { name: t('routing.addStep') }).click();
      await page.getByLabel(t('routing.stepMember', { n: 2 })).waitFor();
      await page.getByRole('button', { name: lang === 'fr' ? 'Enregistrer' : 'Save' }).click();
      await page.getByText(t('routing.saved')).waitFor();
      await checkScreen(page, lang, 'routing');

      // Then a voice menu: key 1 rings the admin, key 2 forwards; a bad number is refused beside its field.
      const save = page.getByRole('button', { name: lang === 'fr' ? 'Enregistrer' : 'Save' });
      await page.getByLabel(t('routing.ivr')).check();
      await page
        .getByLabel(t('routing.greeting'))
        .fill(lang === 'fr' ? 'Bienvenue. Tapez 1 ou 2.' : 'Welcome. Press 1 or 2.');
      await page.getByRole('button', { name: t('routing.ivr.add') }).click();
      await page.getByLabel(t('routing.ivr.target', { key: '2' })).selectOption('forward');
      await page.getByLabel(t('routing.forwardTo')).first().fill('0612');
      await save.click();
      const forwardError = page.locator('[aria-invalid="true"]');
      await expect.poll(() => forwardError.count()).toBe(1);
      expect(await forwardError.getAttribute('type')).toBe('tel');
      await checkScreen(page, lang, 'routing-ivr-error');
      await page.getByLabel(t('routing.forwardTo')).first().fill('+33612345678');
      await save.click();
      await page.getByText(t('routing.saved')).waitFor();
      await page.reload();
      await page.getByLabel(t('routing.number')).selectOption({ label: e164 });
      await expect
        .poll(() => page.getByLabel(t('routing.forwardTo')).first().inputValue())
        .toBe('+33612345678');
      await checkScreen(page, lang, 'routing-ivr');
      // The AI receptionist is a Business feature: on Starter, the upgrade message, not an error.
      await page.getByLabel(t('routing.ai_receptionist')).check();
      await page.getByText(t('notice.upgrade')).waitFor();
      expect(await save.isDisabled()).toBe(true);

      // Integrations: Odoo through its form, against the Odoo emulator.
      await page.getByRole('link', { name: t('nav.integrations') }).click();
      await page.getByRole('button', { name: t('crm.connect', { crm: 'Odoo' }) }).click();
      await page.getByRole('heading', { name: t('crm.formTitle', { crm: 'Odoo' }), exact: true }).waitFor();
      await checkScreen(page, lang, 'integrations-odoo-form');
      for (const [name, value] of Object.entries(odoo.config() as Record<string, string>))
        await page.locator(`input[name="${name}"]`).fill(value);
      await page
        .getByRole('button', { name: t('crm.connect', { crm: 'Odoo' }) })
        .last()
        .click();
      const card = page.locator('[data-connection="odoo"]');
      await card.waitFor();
      await expect.poll(() => card.textContent()).toContain(t('crm.status.active'));
      await checkScreen(page, lang, 'integrations');
      await card.getByRole('link').click();
      await page.getByRole('heading', { name: t('crm.settings'), exact: true }).waitFor();
      await page.getByLabel(t('crm.unknown')).selectOption('create_contact');
      await page.getByRole('button', { name: lang === 'fr' ? 'Enregistrer' : 'Save' }).click();
      await page.getByText(t('crm.saved')).waitFor();
      await checkScreen(page, lang, 'integration-odoo');

      // Back on the checklist: everything but the member's own number's routing is done.
      await page.getByRole('link', { name: t('nav.home') }).click();
      await expect
        .poll(() => page.getByTestId('checklist-progress').textContent())
        .toBe(t('home.progress', { done: 5, total: 6 }));
      for (const step of ['number', 'seats', 'invitations', 'hours', 'crm'])
        expect(await page.locator(`[data-step="${step}"]`).getAttribute('class')).toBe('is-done');
      expect(await page.locator('[data-step="routing"]').textContent()).toContain(
        t('check.routing.missing', { numbers: '' }).trim(),
      );
      await checkScreen(page, lang, 'checklist');

      // The team moves to Business: the dashboard and supervision come with it.
      await page.getByRole('link', { name: t('nav.billing'), exact: true }).click();
      const business = t('billing.plan.business');
      await page.getByRole('button', { name: t('billing.changePlan', { plan: business }) }).click();
      await page.getByText(t('billing.planChanged', { plan: business })).waitFor();

      // Hours around the clock, so the call rings whatever day the suite runs; the caller is a shared contact.
      const api = new ApiClient(server.url);
      expect((await api.post('/api/session', { email: adminEmail, password: PASSWORD })).status).toBe(200);
      await openAroundTheClock(api);
      const contact = await api.post('/api/contacts', {
        name: 'Alice Martin',
        company: 'Acme SAS',
        phones: [CALLER],
      });
      expect(contact.status, JSON.stringify(contact.body)).toBe(201);
      const team = await api.get('/api/team/members');
      const memberId: string = team.body.members.find((m: { email: string }) => m.email === memberEmail).id;
      const numbers = await api.get('/api/numbers');
      const memberNumber: string = numbers.body.numbers.find(
        (n: { assignedMemberId: string | null }) => n.assignedMemberId === memberId,
      ).e164;

      // The member's dialer (signed in since joining), 400 px wide: online, a call rings with the contact.
      const words = DIALER_WORDS[lang];
      const dialer = await invitee.newPage();
      dialer.setDefaultTimeout(10_000);
      await dialer.setViewportSize({ width: 400, height: 600 });
      await dialer.goto(`${server.url}/dialer`);
      await dialer.getByLabel(words.status).selectOption('online');
      await dialer.locator('[data-live="open"]').waitFor({ state: 'attached' });
      // The call waits for the member's dialer, as a real call would: the rep answers it there.
      const call = inboundCall(server, {
        from: CALLER,
        to: memberNumber,
        script: { talkSeconds: 120 },
        dialers: true,
      });
      await dialer.getByRole('heading', { name: words.incoming }).waitFor();
      expect(await dialer.getByText('Alice Martin').count()).toBe(1);
      expect(await dialer.getByText('Acme SAS').count()).toBe(1);
      if (lang === 'fr') expect(await englishLeftovers(dialer)).toEqual([]);
      await screenshot(dialer, `journey-ringing-${lang}`);
      await dialer.getByRole('button', { name: words.answer, exact: true }).click();
      await dialer.getByRole('heading', { name: words.inCall }).waitFor();
      await dialer.getByLabel(words.notes).fill('Rappeler jeudi pour le devis');
      await screenshot(dialer, `journey-in-call-${lang}`);
      await dialer.getByRole('button', { name: words.hangUp, exact: true }).click();
      const callId = await call;
      // Then the disposition, saved with the notes typed during the call.
      await dialer.getByRole('heading', { name: words.ended }).waitFor();
      await dialer.getByText(words.answered).waitFor();
      expect(await dialer.getByLabel(words.notes).inputValue()).toBe('Rappeler jeudi pour le devis');
      await dialer.getByLabel(words.disposition).selectOption('follow_up');
      await dialer.getByRole('button', { name: words.save }).click();
      await dialer.getByText(words.saved).waitFor();
      expect(await accessibilityProblems(dialer)).toEqual([]);
      if (lang === 'fr') expect(await englishLeftovers(dialer)).toEqual([]);
      expect(await pageWidth(dialer)).toBeLessThanOrEqual(400);
      await screenshot(dialer, `journey-saved-${lang}`);
      await invitee.close();

      // The admin sees it on the dashboard, then coaches from supervision.
      await page.getByRole('link', { name: t('nav.dashboard'), exact: true }).click();
      await page.getByRole('heading', { name: t('dash.title'), exact: true }).waitFor();
      await expect.poll(() => page.getByTestId('figure-calls').textContent()).toBe('1');
      expect(await page.locator(`[data-member-row="${memberId}"]`).textContent()).toContain('Max Member');
      await checkScreen(page, lang, 'journey-dashboard');
      await page.getByRole('link', { name: t('nav.supervision'), exact: true }).click();
      await page.getByRole('link', { name: t('sup.memberCalls', { name: 'Max Member' }) }).click();
      await page.locator(`[data-call="${callId}"]`).getByRole('link').click();
      await page.getByText('Rappeler jeudi pour le devis').waitFor();
      // The rep's disposition, in the admin's words.
      await page
        .getByText(t('sup.disposition', { disposition: lang === 'fr' ? 'À relancer' : 'Follow up' }))
        .waitFor();
      await page
        .getByLabel(t('comments.body'), { exact: true })
        .fill(lang === 'fr' ? 'Bon appel' : 'Good call');
      await page.getByRole('button', { name: t('comments.addWhole') }).click();
      await page.getByText(t('comments.added')).waitFor();
      await expect.poll(() => page.locator('[data-comment]').count()).toBe(1);
      await checkScreen(page, lang, 'journey-supervision-call');
      await admin.close();
    },
    240_000,
  );
});

/** Presses Tab until the link named `name` has the focus, as a keyboard user would. */
async function keyboardTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 30; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (focused === name) return;
  }
  throw new Error(`${name} cannot be reached with Tab`);
}
