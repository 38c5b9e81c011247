import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Bus } from '../../core/src/bus/bus.ts';
import {
  addMember,
  addSeats,
  buyFirstNumber,
  openAroundTheClock,
  signUpAdmin,
} from '../../core/src/http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../core/src/http/testing/test-server.ts';
import { WEB_DIST } from '../../core/src/http/web-app.ts';
import { sql } from '../../core/src/store/sql.ts';
import { simulatorCredentials } from '../../core/src/telephony/account-carriers.ts';
import type { CallScript } from '../../core/src/telephony/simulator/voice/call-script.ts';
import { httpDeviceSignal, simulateInboundCall } from '../../core/src/telephony/simulator/voice/index.ts';

export const MEMBER_PASSWORD = 'another good password';

/**
 * An account ready to take calls in the dialer: Business plan (the web dialer), a team number
 * open 24/7 that rings one member, and (unless a CRM will import it) a shared contact for the caller.
 */
export async function dialerAccount(
  server: TestServer,
  caller: { phone: string; name: string; company: string } | null,
) {
  const { client: admin, accountId } = await signUpAdmin(server, { company: 'Boulangerie Durand' });
  const number = await buyFirstNumber(admin, { team: true });
  await admin.put('/api/billing/plan', { plan: 'business' });
  await addSeats(admin, 2);
  const member = await addMember(server, admin);
  await openAroundTheClock(admin);
  await admin.put(`/api/numbers/${number.id}/routing`, {
    strategy: 'simultaneous',
    members: [member.memberId],
    ringSeconds: 20,
  });
  if (caller) {
    const contact = await member.client.post('/api/contacts', {
      name: caller.name,
      company: caller.company,
      phones: [caller.phone],
    });
    if (contact.status !== 201) throw new Error(JSON.stringify(contact.body));
  }
  return { admin, accountId, number, member };
}

/**
 * Plays an inbound call through the server's own webhooks, as Twilio would; resolves with the call's
 * id. With `dialers`, a script that names nobody to answer leaves answering to the members' dialers.
 */
export async function inboundCall(
  server: TestServer,
  input: { from: string; to: string; script: CallScript; dialers?: boolean },
): Promise<string> {
  const { accountSid, authToken } = simulatorCredentials(server.services.secrets);
  const { dialers, ...call } = input;
  const story = await simulateInboundCall({
    voiceUrl: `${server.url}/webhooks/twilio/voice`,
    statusUrl: `${server.url}/webhooks/twilio/status`,
    accountSid,
    authToken,
    ...call,
    ...(dialers
      ? { devices: httpDeviceSignal({ url: `${server.url}/api/simulator/device`, authToken }) }
      : {}),
  });
  const row = await server.services.db.one<{ id: string }>(
    sql`select id from calls where carrier_call_sid = ${story.callSid}`,
  );
  return row.id;
}

/**
 * The simulator plays a call on its own clock, in milliseconds: a browser would see ringing,
 * answered and ended at once. This holds the server right after it publishes a chosen live event
 * (the webhook waits, as it would while a person lets it ring), until the test has looked at the
 * screen and lets it go — well inside Twilio's 15 s webhook timeout.
 */
export function holdLiveEvents(bus: Bus, types: string[]) {
  const original = bus.publish.bind(bus);
  const gates = new Map<string, { promise: Promise<void>; open: () => void }>();
  for (const type of types) {
    const opener: { open?: () => void } = {};
    const promise = new Promise<void>((resolve) => {
      opener.open = resolve;
    });
    gates.set(type, { promise, open: () => opener.open?.() });
  }
  bus.publish = async (channel, message) => {
    await original(channel, message);
    const type = typeof message === 'object' && message !== null && 'type' in message ? message.type : null;
    const gate = typeof type === 'string' ? gates.get(type) : undefined;
    if (gate) await gate.promise;
  };
  return {
    release(type: string) {
      gates.get(type)?.open();
    },
    restore() {
      for (const gate of gates.values()) gate.open();
      bus.publish = original;
    },
  };
}

/** The caller most dialer tests use: a shared contact the incoming-call screen must recognise. */
export const ALICE = { phone: '+33 6 12 34 56 78', name: 'Alice Martin', company: 'Acme SAS' };

/** A real server with a built dialer and an account ready to take calls (see dialerAccount). */
export async function dialerServer(caller: Parameters<typeof dialerAccount>[1] = ALICE) {
  if (!existsSync(`${WEB_DIST}dialer/index.html`))
    throw new Error('web/dist is missing: run `npm run build:web`');
  const server = await startTestServer();
  return { server, account: await dialerAccount(server, caller) };
}

/** Signs the member in on the dialer page (English) and goes online, as a rep starts the day. */
export async function signInOnline(page: Page, server: TestServer, member: { email: string }) {
  await page.goto(`${server.url}/dialer?lang=en`);
  await page.getByLabel('Email').fill(member.email);
  await page.getByLabel('Password').fill(MEMBER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('My status').selectOption('online');
  await page.locator('[data-live="open"]').waitFor({ state: 'attached' });
}
