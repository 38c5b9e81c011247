import { Connection, OAuth2 } from 'jsforce';
import { z } from 'zod';
import { CrmError } from '../core/errors.ts';
import type { AuthorizeInput, ExchangeInput } from '../core/setup.ts';
import { DEFAULT_API_VERSION, type SalesforceConfig, SalesforceConfigSchema } from './config.ts';
import { toCrmError } from './errors.ts';

/** `api` for REST, `refresh_token` so the connection outlives the access token. */
const SCOPES = 'api refresh_token';

/** Web server flow with PKCE (help "OAuth 2.0 Web Server Flow for Web App Integration"). */
export function authorizeUrl(input: AuthorizeInput): string {
  const url = new URL('/services/oauth2/authorize', input.app.authBaseUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: input.app.clientId,
    redirect_uri: input.redirectUri,
    state: input.state,
    scope: SCOPES,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

const TokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  instance_url: z.url(),
  /** `https://login.salesforce.com/id/<orgId>/<userId>`: the identity URL names both. */
  id: z.string().regex(/\/id\/[a-zA-Z0-9]{15,18}\/[a-zA-Z0-9]{15,18}$/),
});
const OrganizationSchema = z.object({ records: z.array(z.object({ DefaultLocaleSidKey: z.string() })) });

/** `fr_FR` → FR: national numbers in the org are read in its default locale's country. */
function localeCountry(locale: string | undefined): string {
  const country = locale?.split('_')[1];
  return country && /^[A-Z]{2}$/.test(country) ? country : 'US';
}

export async function exchange(input: ExchangeInput): Promise<SalesforceConfig> {
  const oauth2 = new OAuth2({
    loginUrl: input.app.authBaseUrl,
    clientId: input.app.clientId,
    clientSecret: input.app.clientSecret,
    redirectUri: input.redirectUri,
  });
  try {
    const token = TokenSchema.parse(
      await oauth2.requestToken(input.code, { code_verifier: input.codeVerifier }),
    );
    const [orgId, userId] = token.id.split('/').slice(-2);
    const conn = new Connection({
      version: DEFAULT_API_VERSION,
      instanceUrl: token.instance_url,
      accessToken: token.access_token,
    });
    const org = OrganizationSchema.parse(
      await conn.query('SELECT DefaultLocaleSidKey FROM Organization LIMIT 1'),
    );
    return SalesforceConfigSchema.parse({
      instanceUrl: token.instance_url,
      accessToken: token.access_token,
      ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
      loginUrl: input.app.authBaseUrl,
      clientId: input.app.clientId,
      clientSecret: input.app.clientSecret,
      apiVersion: DEFAULT_API_VERSION,
      defaultCountry: localeCountry(org.records[0]?.DefaultLocaleSidKey),
      orgId,
      userId,
    });
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new CrmError(
        'invalid',
        'Salesforce answered the sign-in with something Parley did not expect; try again.',
        {
          crm: 'salesforce',
          cause: error,
        },
      );
    }
    throw toCrmError(error);
  }
}
