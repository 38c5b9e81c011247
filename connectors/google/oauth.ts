import { z } from 'zod';
import type { HttpClient } from '../core/http.ts';
import { createTokenClient, postTokenForm, type TokenClientTuning } from '../core/oauth-token.ts';
import type { SetupMethod } from '../core/setup.ts';
import { GOOGLE_API_BASE_URL, GOOGLE_TOKEN_URL, type GoogleConfig } from './config.ts';
import { googleError, readBody, toCrmError } from './errors.ts';
import { GOOGLE_RATE } from './rate.ts';

/** Read-only: Parley never writes to a Google address book. */
export const GOOGLE_SCOPE = 'https://www.googleapis.com/auth/contacts.readonly';
export const GOOGLE_AUTH_BASE_URL = 'https://accounts.google.com';

/** https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code */
const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  /** Only on the exchange of a consent that asked for offline access; a refresh keeps the old one. */
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/**
 * Google authorizes on accounts.google.com and serves tokens and the API on other hosts; an emulator or
 * proxy at another origin serves all three itself.
 */
export function hostsFor(authBaseUrl: string): { tokenUrl: string; apiBaseUrl: string } {
  const origin = new URL(authBaseUrl).origin;
  if (origin === GOOGLE_AUTH_BASE_URL) return { tokenUrl: GOOGLE_TOKEN_URL, apiBaseUrl: GOOGLE_API_BASE_URL };
  return { tokenUrl: `${origin}/token`, apiBaseUrl: origin };
}

export type TokenClientOptions = TokenClientTuning & { tokenUrl: string };

/** The token endpoint, without the bearer header the API client adds. */
export function tokenClient(options: TokenClientOptions): HttpClient {
  const { tokenUrl, ...tuning } = options;
  return createTokenClient({ ...tuning, crm: 'google', baseUrl: tokenUrl, rate: GOOGLE_RATE, toCrmError });
}

/** Form-encoded POST to the token URL itself (absolute, so no path is appended to it). */
export async function requestToken(
  http: HttpClient,
  tokenUrl: string,
  form: Record<string, string>,
): Promise<TokenResponse> {
  const response = await postTokenForm(http, tokenUrl, form);
  return readBody(TokenResponse, response, 'the token request');
}

/** OAuth only: the method's own type, so tests and callers reach `authorizeUrl`/`exchange` without narrowing. */
export const googleSetup: Extract<SetupMethod<GoogleConfig>, { kind: 'oauth' }> = {
  kind: 'oauth',
  defaultAuthBaseUrl: GOOGLE_AUTH_BASE_URL,
  authorizeUrl({ app, redirectUri, state, codeChallenge }) {
    // https://developers.google.com/identity/protocols/oauth2/web-server#creatingclient
    const url = new URL('/o/oauth2/v2/auth', app.authBaseUrl);
    url.searchParams.set('client_id', app.clientId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', GOOGLE_SCOPE);
    // offline + consent: Google issues a refresh token only on a consent screen that asked for offline access.
    url.searchParams.set('access_type', 'offline');
    url.searchParams.set('prompt', 'consent');
    url.searchParams.set('state', state);
    url.searchParams.set('code_challenge', codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    return url.href;
  },
  async exchange({ app, redirectUri, code, codeVerifier, defaultCountry, fetch: fetchImpl }) {
    const { tokenUrl, apiBaseUrl } = hostsFor(app.authBaseUrl);
    const http = tokenClient({ tokenUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
    const startedAt = Date.now();
    const tokens = await requestToken(http, tokenUrl, {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: redirectUri,
      code,
      code_verifier: codeVerifier,
    });
    if (!tokens.refresh_token) {
      throw googleError(
        'auth',
        'Google granted no offline access, so Parley could not keep reading contacts. Connect Google Contacts again.',
        { status: 200 },
      );
    }
    return {
      apiBaseUrl,
      tokenUrl,
      // Google's token answer does not say the address book's country: the Parley account's is the best guess.
      defaultCountry: defaultCountry ?? 'FR',
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: startedAt + tokens.expires_in * 1000,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
    };
  },
};
