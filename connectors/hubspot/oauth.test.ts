import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCrmError } from '../core/errors.ts';
import { testDeps } from '../testing/deps.ts';
import { type HubspotConfig, HubspotConfigSchema } from './config.ts';
import { type HubspotEmulator, startHubspotEmulator } from './emulator/index.ts';
import { hubspot } from './index.ts';
import { apiBaseFor, hubspotSetup as setup } from './oauth.ts';

let emulator: HubspotEmulator;
beforeEach(async () => {
  emulator = await startHubspotEmulator();
});
afterEach(async () => {
  expect(emulator.running.violations.splice(0)).toEqual([]);
  await emulator.close();
});

const VERIFIER = 'parley-test-verifier-0123456789-abcdefghijklmnop';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

async function install(parley: { appId?: string; accountId?: string } = {}): Promise<HubspotConfig> {
  const redirectUri = 'https://parley.example/oauth/callback';
  const url = setup.authorizeUrl({
    app: emulator.oauthApp,
    redirectUri,
    state: 'csrf-1',
    codeChallenge: CHALLENGE,
  });
  const answer = await fetch(url, { redirect: 'manual' });
  const back = new URL(answer.headers.get('location') ?? '');
  expect(back.searchParams.get('state')).toBe('csrf-1');
  return setup.exchange({
    app: { ...emulator.oauthApp, ...(parley.appId ? { appId: parley.appId } : {}) },
    redirectUri,
    code: back.searchParams.get('code') ?? '',
    codeVerifier: VERIFIER,
    ...(parley.accountId ? { accountId: parley.accountId } : {}),
    callbackParams: {},
  });
}

describe('HubSpot OAuth', () => {
  it('asks HubSpot’s authorize page for the scopes Parley needs, with PKCE', () => {
    const url = new URL(
      setup.authorizeUrl({
        app: { clientId: 'c', clientSecret: 's', authBaseUrl: 'https://app.hubspot.com' },
        redirectUri: 'https://parley.example/cb',
        state: 'st',
        codeChallenge: 'ch',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://app.hubspot.com/oauth/authorize');
    expect(url.searchParams.get('scope')).toContain('crm.objects.contacts.write');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('serves tokens on the API host of HubSpot’s app host, and on the same origin elsewhere', () => {
    expect(apiBaseFor('https://app.hubspot.com')).toBe('https://api.hubapi.com');
    expect(apiBaseFor('https://app-eu1.hubspot.com/')).toBe('https://api-eu1.hubapi.com');
    expect(apiBaseFor('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
  });

  it('turns the callback’s code into a configuration that works', async () => {
    const config = HubspotConfigSchema.parse(await install());
    expect(config.portalId).toBe(String(emulator.state.portalId));
    const who = await hubspot.create(config, testDeps()).verify();
    expect(who).toMatchObject({ accountId: config.portalId, userEmail: 'admin@parley.example' });
  });

  it('keeps Parley’s app id and account in the configuration, for HubSpot’s recordings pipeline', async () => {
    const accountId = '5b0d3c1e-8c1f-4d55-9d61-4a0a3e6f2b11';
    const config = HubspotConfigSchema.parse(await install({ appId: '3003', accountId }));
    expect(config).toMatchObject({ appId: '3003', externalAccountId: accountId });
    const without = HubspotConfigSchema.parse(await install());
    expect(without).not.toHaveProperty('appId');
    expect(without).not.toHaveProperty('externalAccountId');
  });

  it('refuses a code whose PKCE verifier does not match, as an auth error', async () => {
    const redirectUri = 'https://parley.example/oauth/callback';
    const answer = await fetch(
      setup.authorizeUrl({ app: emulator.oauthApp, redirectUri, state: 's', codeChallenge: CHALLENGE }),
      { redirect: 'manual' },
    );
    const code = new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const exchange = () =>
      setup.exchange({
        app: emulator.oauthApp,
        redirectUri,
        code,
        codeVerifier: 'wrong',
        callbackParams: {},
      });
    const error = await exchange().catch((e: unknown) => e);
    expect(isCrmError(error) && error.kind).toBe('auth');
  });

  it('refreshes a token about to expire before using it, and persists the new one through saveConfig', async () => {
    const config = emulator.config();
    if (config.credentials.kind !== 'oauth') throw new Error('expected OAuth');
    const soon = { ...config, credentials: { ...config.credentials, expiresAt: Date.now() + 60_000 } };
    emulator.tokens.expire(config.credentials.accessToken);
    const saved: unknown[] = [];
    const connector = hubspot.create(soon, testDeps({ saveConfig: async (next) => void saved.push(next) }));
    await Promise.all([connector.listOwners(), connector.listOutcomes()]);
    expect(saved).toHaveLength(1);
    const next = HubspotConfigSchema.parse(saved[0]);
    if (next.credentials.kind !== 'oauth') throw new Error('expected OAuth');
    expect(next.credentials.accessToken).not.toBe(config.credentials.accessToken);
    expect(next.credentials.refreshToken).toBe(config.credentials.refreshToken);
    expect(next.credentials.expiresAt).toBeGreaterThan(Date.now() + 25 * 60_000);
  });

  it('a revoked install fails its refresh as an auth error', async () => {
    const config = emulator.config();
    if (config.credentials.kind !== 'oauth') throw new Error('expected OAuth');
    emulator.revokeAccess();
    const connector = hubspot.create(
      { ...config, credentials: { ...config.credentials, expiresAt: 0 } },
      testDeps(),
    );
    const error = await connector.listOwners().catch((e: unknown) => e);
    expect(isCrmError(error) && error.kind).toBe('auth');
  });

  it('a private-app token works without refresh', async () => {
    const connector = hubspot.create(emulator.privateAppConfig(), testDeps());
    expect(await connector.verify()).toMatchObject({
      accountId: String(emulator.state.portalId),
      userId: 'private-app',
    });
  });
});
