import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCrmError } from '../core/errors.ts';
import { testDeps } from '../testing/deps.ts';
import { type GoogleConfig, GoogleConfigSchema } from './config.ts';
import { type GoogleEmulator, startGoogleEmulator } from './emulator/index.ts';
import { google } from './index.ts';
import { GOOGLE_SCOPE, hostsFor, googleSetup as setup } from './oauth.ts';

let emulator: GoogleEmulator;
beforeEach(async () => {
  emulator = await startGoogleEmulator();
});
afterEach(async () => {
  expect(emulator.running.violations.splice(0)).toEqual([]);
  await emulator.close();
});

const VERIFIER = 'parley-test-verifier-0123456789-abcdefghijklmnop';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const REDIRECT = 'https://parley.example/oauth/callback';

async function consent(): Promise<string> {
  const url = setup.authorizeUrl({
    app: emulator.oauthApp,
    redirectUri: REDIRECT,
    state: 'csrf-1',
    codeChallenge: CHALLENGE,
  });
  const answer = await fetch(url, { redirect: 'manual' });
  const back = new URL(answer.headers.get('location') ?? '');
  expect(back.searchParams.get('state')).toBe('csrf-1');
  return back.searchParams.get('code') ?? '';
}

const exchange = (code: string, codeVerifier = VERIFIER): Promise<GoogleConfig> =>
  setup.exchange({
    app: emulator.oauthApp,
    redirectUri: REDIRECT,
    code,
    codeVerifier,
    defaultCountry: 'FR',
    callbackParams: {},
  });

describe('Google OAuth', () => {
  it('asks Google for read-only contacts, offline, with a consent screen and PKCE', () => {
    const url = new URL(
      setup.authorizeUrl({
        app: { clientId: 'c', clientSecret: 's', authBaseUrl: 'https://accounts.google.com' },
        redirectUri: 'https://parley.example/cb',
        state: 'st',
        codeChallenge: 'ch',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      scope: GOOGLE_SCOPE,
      access_type: 'offline',
      prompt: 'consent',
      response_type: 'code',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      state: 'st',
    });
  });

  it('sends tokens and API calls to Google’s hosts, and to the same origin elsewhere', () => {
    expect(hostsFor('https://accounts.google.com')).toEqual({
      tokenUrl: 'https://oauth2.googleapis.com/token',
      apiBaseUrl: 'https://people.googleapis.com',
    });
    expect(hostsFor('http://127.0.0.1:4000/')).toEqual({
      tokenUrl: 'http://127.0.0.1:4000/token',
      apiBaseUrl: 'http://127.0.0.1:4000',
    });
  });

  it('turns the callback’s code into a configuration that works', async () => {
    const config = GoogleConfigSchema.parse(await exchange(await consent()));
    expect(config).toMatchObject({ defaultCountry: 'FR', clientId: emulator.oauthApp.clientId });
    const who = await google.create(config, testDeps()).verify();
    expect(who).toMatchObject({
      accountId: emulator.state.user.resourceName,
      userEmail: 'admin@parley.example',
    });
  });

  it('refuses a code whose PKCE verifier does not match, as an auth error', async () => {
    const error = await exchange(await consent(), 'wrong').catch((e: unknown) => e);
    expect(isCrmError(error) && error.kind).toBe('auth');
  });

  it('connect refuses stored settings that do not parse, naming the fields', () => {
    const error = (() => {
      try {
        return google.connect({ accessToken: 'x' }, testDeps());
      } catch (caught) {
        return caught;
      }
    })();
    expect(isCrmError(error) && error.kind).toBe('invalid');
    expect(isCrmError(error) && error.message).toMatch(
      /Google Contacts connection's settings .*refreshToken/,
    );
  });
});
