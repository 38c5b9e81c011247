import { z } from 'zod';

/** Google's production hosts; an emulator or proxy replaces them in tests. */
export const GOOGLE_API_BASE_URL = 'https://people.googleapis.com';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export const GoogleConfigSchema = z.strictObject({
  /** The People API. */
  apiBaseUrl: z.url().default(GOOGLE_API_BASE_URL),
  /** Where the refresh grant goes. */
  tokenUrl: z.url().default(GOOGLE_TOKEN_URL),
  /** The country national numbers in this address book are read in (ISO 3166 alpha-2). */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/),
  accessToken: z.string().min(1),
  /** Issued once, on the consent that asked for offline access; Google does not rotate it on refresh. */
  refreshToken: z.string().min(1),
  /** Epoch ms at which the access token stops working (Google's last an hour). */
  expiresAt: z.number().int(),
  /**
   * The app's client id and secret: refresh needs them and `create` gets only this configuration.
   * (A `ConnectorDeps.oauthApp` would keep the secret out of every stored connection.)
   */
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});
export type GoogleConfig = z.infer<typeof GoogleConfigSchema>;
