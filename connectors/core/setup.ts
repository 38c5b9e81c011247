import type { z } from 'zod';

/** Parley's registered app at the CRM, from the server's environment. */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  /** Where the CRM's authorize and token endpoints live (its login host; an emulator in tests). */
  authBaseUrl: string;
  /** The app's own id where the CRM has one besides the client id (HubSpot's, for its recordings pipeline). */
  appId?: string;
}

export interface AuthorizeInput {
  app: OAuthApp;
  redirectUri: string;
  /** Opaque, checked by core on the callback (CSRF). */
  state: string;
  /** PKCE S256 challenge; CRMs that ignore PKCE ignore it. */
  codeChallenge: string;
}

export interface ExchangeInput {
  app: OAuthApp;
  redirectUri: string;
  code: string;
  codeVerifier: string;
  /** The Parley account's country: how national numbers typed into the CRM are read. */
  defaultCountry?: string;
  /** The Parley account being connected, for a CRM that hands it back to Parley (HubSpot's recording URL). */
  accountId?: string;
  /** Query parameters the CRM added to the callback besides code and state (Salesforce's instance hints…). */
  callbackParams: Record<string, string>;
  fetch?: typeof fetch;
}

/**
 * How an admin connects a CRM: OAuth, where core runs the redirect dance and the connector turns
 * the code into its configuration; or a form of credentials (Odoo), parsed by `form`.
 */
export type SetupMethod<C> =
  | {
      kind: 'oauth';
      /** The CRM's public login host, used when the deployment does not set another (a sandbox, an emulator). */
      defaultAuthBaseUrl?: string;
      authorizeUrl(input: AuthorizeInput): string;
      /** Exchanges the callback's code for tokens: the connector's whole configuration. Throws `CrmError`. */
      exchange(input: ExchangeInput): Promise<C>;
    }
  | {
      kind: 'form';
      /** The fields the admin fills in; the parsed result is the configuration. */
      form: z.ZodType<C>;
      /** Names and help of each field, for the console, in the order shown. */
      fields: ReadonlyArray<{ name: string; label: string; secret: boolean }>;
    };
