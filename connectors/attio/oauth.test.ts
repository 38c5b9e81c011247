import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDeps } from '../testing/deps.ts';
import { type AttioEmulator, startAttioEmulator } from './emulator/index.ts';
import { attio } from './index.ts';
import { apiBaseFor, attioSetup } from './oauth.ts';

describe('connecting Attio with OAuth', () => {
  let emulator: AttioEmulator;
  beforeAll(async () => {
    emulator = await startAttioEmulator({ enforceLimit: false });
  });
  afterAll(() => emulator.close());

  it('turns the callback’s code into a working configuration, and never needs to save a refreshed token', async () => {
    const redirectUri = 'https://parley.example/oauth/attio/callback';
    const authorize = attioSetup.authorizeUrl({
      app: emulator.oauthApp,
      redirectUri,
      state: 'csrf-1',
      codeChallenge: 'challenge',
    });
    const consent = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') ?? '');
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('csrf-1');

    const config = await attioSetup.exchange({
      app: emulator.oauthApp,
      redirectUri,
      code: callback.searchParams.get('code') ?? '',
      codeVerifier: 'verifier',
      callbackParams: {},
    });
    expect(config).toMatchObject({
      apiBaseUrl: emulator.running.url,
      workspaceId: emulator.state.workspaceId,
      workspaceSlug: emulator.state.workspaceSlug,
    });

    const saveConfig = vi.fn(async () => {});
    const connector = attio.connect({ ...config, defaultCountry: 'FR' }, testDeps({ saveConfig }));
    expect((await connector.verify()).accountId).toBe(emulator.state.workspaceId);
    expect(saveConfig).not.toHaveBeenCalled();
  });

  it('refuses a code that was already used', async () => {
    const redirectUri = 'https://parley.example/cb';
    const consent = await fetch(
      attioSetup.authorizeUrl({ app: emulator.oauthApp, redirectUri, state: 's', codeChallenge: 'c' }),
      { redirect: 'manual' },
    );
    const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const exchange = () =>
      attioSetup.exchange({
        app: emulator.oauthApp,
        redirectUri,
        code,
        codeVerifier: 'v',
        callbackParams: {},
      });
    await exchange();
    await expect(exchange()).rejects.toMatchObject({ kind: 'auth' });
  });

  it('asks Attio’s authorize page for the scopes Parley uses', () => {
    const url = new URL(
      attioSetup.authorizeUrl({
        app: { clientId: 'client', clientSecret: 's', authBaseUrl: 'https://app.attio.com' },
        redirectUri: 'https://parley.example/cb',
        state: 'st',
        codeChallenge: 'ch',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://app.attio.com/authorize');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')?.split(' ')).toContain('note:read-write');
  });

  it.each([
    ['https://app.attio.com', 'https://api.attio.com'],
    ['http://127.0.0.1:4100', 'http://127.0.0.1:4100'],
  ])('calls the REST API beside the login host %s at %s', (auth, api) => {
    expect(apiBaseFor(auth)).toBe(api);
  });
});
