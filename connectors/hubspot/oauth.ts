import { z } from 'zod';
import type { HttpClient } from '../core/http.ts';
import { createTokenClient, postTokenForm, type TokenClientTuning } from '../core/oauth-token.ts';
import type { SetupMethod } from '../core/setup.ts';
import type { HubspotConfig } from './config.ts';
import { readBody, toCrmError } from './errors.ts';
import { HUBSPOT_RATE } from './rate.ts';

/**
 * Scopes for calls, notes, contacts, owners and the custom properties Parley creates, and for the
 * app card on company and deal records (their associated contacts). The same list is the app's
 * `requiredScopes` in hubspot-app/src/app/app-hsmeta.json: HubSpot refuses an install asking for less.
 */
export const HUBSPOT_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.deals.read',
  'crm.objects.owners.read',
  'crm.schemas.contacts.write',
] as const;

/** `POST /oauth/v1/token` (oauth-v1.json): both grants answer `AccessTokenResponse`. */
const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  hub_id: z.number().int().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** `GET /oauth/v1/access-tokens/{token}` (oauth-v1.json `AccessTokenInfoResponse`). */
export const AccessTokenInfo = z.looseObject({
  hub_id: z.number().int(),
  user_id: z.number().int(),
  user: z.string().optional(),
  hub_domain: z.string().optional(),
});

/**
 * HubSpot authorizes on its app host and serves tokens on its API host; an emulator or proxy serves
 * both from one origin. (An `OAuthApp.tokenBaseUrl` in core would make this table unnecessary.)
 */
const API_HOST_OF_APP_HOST: Readonly<Record<string, string>> = {
  'https://app.hubspot.com': 'https://api.hubapi.com',
  'https://app-eu1.hubspot.com': 'https://api-eu1.hubapi.com',
};
export function apiBaseFor(authBaseUrl: string): string {
  const origin = new URL(authBaseUrl).origin;
  return API_HOST_OF_APP_HOST[origin] ?? origin;
}

export type TokenClientOptions = TokenClientTuning & { apiBaseUrl: string };

/** The token endpoint, without the bearer header the API client adds. */
export function tokenClient(options: TokenClientOptions): HttpClient {
  const { apiBaseUrl, ...tuning } = options;
  return createTokenClient({
    ...tuning,
    crm: 'hubspot',
    baseUrl: apiBaseUrl,
    rate: HUBSPOT_RATE,
    toCrmError,
  });
}

/** https://developers.hubspot.com/docs/api/oauth/tokens — form-encoded, as oauth-v1.json declares. */
export async function requestToken(http: HttpClient, form: Record<string, string>): Promise<TokenResponse> {
  const response = await postTokenForm(http, '/oauth/v1/token', form);
  return readBody(TokenResponse, response, 'the token request');
}

export async function tokenInfo(http: HttpClient, accessToken: string) {
  const response = await http.request({
    method: 'GET',
    path: `/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`,
  });
  return readBody(AccessTokenInfo, response, 'the token description');
}

/** OAuth only: the method's own type, so tests and callers reach `authorizeUrl`/`exchange` without narrowing. */
export const hubspotSetup: Extract<SetupMethod<HubspotConfig>, { kind: 'oauth' }> = {
  kind: 'oauth',
  // EU-hosted portals use app-eu1.hubspot.com: set PARLEY_HUBSPOT_AUTH_URL for them.
  defaultAuthBaseUrl: 'https://app.hubspot.com',
  authorizeUrl({ app, redirectUri, state, codeChallenge }) {
    // https://developers.hubspot.com/docs/api/oauth-quickstart-guide
    const url = new URL('/oauth/authorize', app.authBaseUrl);
    url.searchParams.set('client_id', app.clientId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('scope', HUBSPOT_SCOPES.join(' '));
    url.searchParams.set('state', state);
    url.searchParams.set('code_challenge', codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    return url.href;
  },
  async exchange({ app, redirectUri, code, codeVerifier, defaultCountry, accountId, fetch: fetchImpl }) {
    const apiBaseUrl = apiBaseFor(app.authBaseUrl);
    const http = tokenClient({ apiBaseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
    const startedAt = Date.now();
    const tokens = await requestToken(http, {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: redirectUri,
      code,
      code_verifier: codeVerifier,
    });
    // hub_id is optional in the token answer; the token's own description always names the portal.
    const info = await tokenInfo(http, tokens.access_token);
    return {
      portalId: String(info.hub_id),
      ...(info.hub_domain ? { hubDomain: info.hub_domain } : {}),
      apiBaseUrl,
      appBaseUrl: new URL(app.authBaseUrl).origin,
      // HubSpot's token answer does not say the portal's country: the Parley account's is the best guess.
      defaultCountry: defaultCountry ?? 'FR',
      // Both turn on HubSpot's recordings pipeline for this portal (see recordings.ts).
      ...(app.appId ? { appId: app.appId } : {}),
      ...(accountId ? { externalAccountId: accountId } : {}),
      credentials: {
        kind: 'oauth',
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: startedAt + tokens.expires_in * 1000,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
      },
    };
  },
};
