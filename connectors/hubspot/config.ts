import { z } from 'zod';

/** Marketplace OAuth install: HubSpot's tokens last 30 minutes, so the connector refreshes them itself. */
const OAuthCredentials = z.strictObject({
  kind: z.literal('oauth'),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch ms at which the access token stops working. */
  expiresAt: z.number().int(),
  /**
   * The app's client id and secret: refresh needs them and `create` gets only this configuration.
   * (A `ConnectorDeps.oauthApp` would keep the secret out of every stored connection.)
   */
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});

/** A private app's static token (one portal, no refresh). */
const PrivateAppCredentials = z.strictObject({
  kind: z.literal('private-app'),
  accessToken: z.string().min(1),
});

export const HubspotCredentialsSchema = z.discriminatedUnion('kind', [
  OAuthCredentials,
  PrivateAppCredentials,
]);
export type HubspotCredentials = z.infer<typeof HubspotCredentialsSchema>;

export const HubspotConfigSchema = z.strictObject({
  /** The portal (hub_id) the install belongs to; webhooks name it too. */
  portalId: z.string().regex(/^\d+$/),
  hubDomain: z.string().optional(),
  /** REST base: https://api.hubapi.com (EU portals are served there too). */
  apiBaseUrl: z.url().default('https://api.hubapi.com'),
  /** Where record pages live: https://app.hubspot.com, or https://app-eu1.hubspot.com for EU portals. */
  appBaseUrl: z.url().default('https://app.hubspot.com'),
  /** The country national numbers stored in this portal are read in (ISO 3166 alpha-2). */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/),
  /** Set for a public app so recordings play in HubSpot (`hs_call_app_id`). */
  appId: z.string().regex(/^\d+$/).optional(),
  /**
   * The Parley account this portal is connected to: HubSpot sends it back as `externalAccountId`
   * when it asks Parley's recording URL for a call (`hs_call_external_account_id`). With `appId`,
   * it turns on HubSpot's recordings pipeline for calls that have a recording.
   */
  externalAccountId: z.string().min(1).optional(),
  credentials: HubspotCredentialsSchema,
});
export type HubspotConfig = z.infer<typeof HubspotConfigSchema>;
