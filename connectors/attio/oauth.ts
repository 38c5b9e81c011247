import { z } from 'zod';
import { CrmError } from '../core/errors.ts';
import type { AuthorizeInput, ExchangeInput, SetupMethod } from '../core/setup.ts';
import { SelfSchema } from './client.ts';
import type { AttioConfig } from './config.ts';

/**
 * Attio's OAuth 2 authorization-code flow (spec `components.securitySchemes.oauth2`: authorize at
 * `https://app.attio.com/authorize`, token at `https://app.attio.com/oauth/token`). Tokens carry no
 * expiry (`exp: null`) and there is no refresh grant, so nothing is ever refreshed or re-saved.
 */
const SCOPES = [
  'record_permission:read-write',
  'object_configuration:read-write',
  'note:read-write',
  'user_management:read',
  'webhook:read-write',
].join(' ');

const TokenSchema = z.object({ access_token: z.string().min(1), token_type: z.string() });

/** The REST host beside Attio's login host: app.attio.com → api.attio.com; an emulator serves both. */
export function apiBaseFor(authBaseUrl: string): string {
  const url = new URL(authBaseUrl);
  if (url.hostname.startsWith('app.')) url.hostname = `api.${url.hostname.slice(4)}`;
  return url.origin;
}

async function readJson(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) {
    const kind = response.status >= 500 ? 'unavailable' : 'auth';
    throw new CrmError(kind, `Attio refused ${what} (HTTP ${response.status}). Try connecting again.`, {
      crm: 'attio',
      status: response.status,
    });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CrmError('unavailable', `Attio answered ${what} with something that is not JSON.`, {
      crm: 'attio',
      cause,
    });
  }
}

export const attioSetup = {
  kind: 'oauth' as const,
  defaultAuthBaseUrl: 'https://app.attio.com',
  authorizeUrl({ app, redirectUri, state, codeChallenge }: AuthorizeInput): string {
    const url = new URL('/authorize', app.authBaseUrl);
    url.search = new URLSearchParams({
      client_id: app.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      state,
      scope: SCOPES,
      // Attio does not document PKCE; a server that ignores it ignores these.
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.href;
  },

  async exchange({
    app,
    redirectUri,
    code,
    codeVerifier,
    fetch: fetchImpl = fetch,
  }: ExchangeInput): Promise<AttioConfig> {
    const tokenResponse = await fetchImpl(new URL('/oauth/token', app.authBaseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      }).toString(),
    });
    const token = TokenSchema.safeParse(await readJson(tokenResponse, 'the sign-in code'));
    if (!token.success) {
      throw new CrmError('unavailable', 'Attio’s token answer was not understood.', {
        crm: 'attio',
        cause: token.error,
      });
    }
    const apiBaseUrl = apiBaseFor(app.authBaseUrl);
    const selfResponse = await fetchImpl(new URL('/v2/self', apiBaseUrl), {
      headers: { authorization: `Bearer ${token.data.access_token}` },
    });
    const self = SelfSchema.safeParse(await readJson(selfResponse, 'the new token'));
    if (!self.success || !self.data.active) {
      throw new CrmError('auth', 'Attio did not accept the new token. Try connecting again.', {
        crm: 'attio',
      });
    }
    return {
      apiBaseUrl,
      appBaseUrl: new URL(app.authBaseUrl).origin,
      accessToken: token.data.access_token,
      workspaceId: self.data.workspace_id,
      workspaceSlug: self.data.workspace_slug,
    };
  },
} satisfies SetupMethod<AttioConfig>;
