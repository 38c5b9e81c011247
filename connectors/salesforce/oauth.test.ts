import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isCrmError } from '../core/errors.ts';
import { testDeps } from '../testing/deps.ts';
import { SalesforceConfigSchema } from './config.ts';
import { type SalesforceEmulator, startSalesforceEmulator } from './emulator/index.ts';
import { salesforce } from './index.ts';

const REDIRECT = 'https://parley.example/oauth/salesforce/callback';

let emulator: SalesforceEmulator | undefined;
afterEach(async () => {
  const violations = emulator?.running.violations.splice(0) ?? [];
  await emulator?.close();
  emulator = undefined;
  expect(violations).toEqual([]);
});

async function authorize(emu: SalesforceEmulator, verifier: string) {
  if (salesforce.setup.kind !== 'oauth') throw new Error('Salesforce connects with OAuth');
  const url = salesforce.setup.authorizeUrl({
    app: emu.oauthApp,
    redirectUri: REDIRECT,
    state: 'state-123',
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
  });
  const answer = await fetch(url, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  const back = new URL(answer.headers.get('location') ?? '');
  expect(back.searchParams.get('state')).toBe('state-123');
  return { setup: salesforce.setup, code: back.searchParams.get('code') ?? '' };
}

describe('Salesforce OAuth (web server flow with PKCE)', () => {
  it('turns the callback code into a configuration that works', async () => {
    emulator = await startSalesforceEmulator();
    const verifier = randomBytes(32).toString('base64url');
    const { setup, code } = await authorize(emulator, verifier);
    const config = await setup.exchange({
      app: emulator.oauthApp,
      redirectUri: REDIRECT,
      code,
      codeVerifier: verifier,
      callbackParams: {},
    });
    expect(config).toMatchObject({
      orgId: emulator.config().orgId,
      userId: emulator.config().userId,
      defaultCountry: 'FR',
    });
    expect(config.refreshToken).toBeTruthy();
    const who = await salesforce.create(config, testDeps()).verify();
    expect(who.accountId).toBe(config.orgId);
  });

  it('refuses a code presented with the wrong PKCE verifier as an auth error', async () => {
    emulator = await startSalesforceEmulator();
    const { setup, code } = await authorize(emulator, randomBytes(32).toString('base64url'));
    const failure = await setup
      .exchange({
        app: emulator.oauthApp,
        redirectUri: REDIRECT,
        code,
        codeVerifier: 'wrong',
        callbackParams: {},
      })
      .catch((error: unknown) => error);
    expect(isCrmError(failure) && failure.kind).toBe('auth');
  });

  it('refreshes an expired session and stores the new token before answering', async () => {
    emulator = await startSalesforceEmulator();
    const config = emulator.config();
    const saved: unknown[] = [];
    const connector = salesforce.create(
      config,
      testDeps({ saveConfig: async (next) => void saved.push(next) }),
    );
    emulator.expireSessions();
    await connector.verify();
    expect(saved).toHaveLength(1);
    const stored = SalesforceConfigSchema.parse(saved[0]);
    expect(stored.accessToken).not.toBe(config.accessToken);
    expect(stored.refreshToken).toBe(config.refreshToken);
    // The stored configuration alone is enough to connect again.
    await expect(salesforce.create(stored, testDeps()).verify()).resolves.toMatchObject({
      accountId: config.orgId,
    });
  });
});
