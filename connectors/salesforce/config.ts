import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';

/** Salesforce ids are 15 (case-sensitive) or 18 characters; the API always answers with 18. */
export const SalesforceIdSchema = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/);

/** jsforce defaults to API 50.0; every connection states its own version (research/salesforce.md §0.3). */
export const DEFAULT_API_VERSION = '62.0';

export const SalesforceConfigSchema = z.strictObject({
  /** The org's own host (`https://acme.my.salesforce.com`), from the token response's `instance_url`. */
  instanceUrl: z.url(),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** Where the token endpoint lives: `https://login.salesforce.com`, `https://test.salesforce.com` or My Domain. */
  loginUrl: z.url(),
  /**
   * Parley's app, needed for the refresh grant. Stored with the connection because the connector
   * is created from its configuration alone (see the report: deps could carry the OAuthApp instead).
   */
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  apiVersion: z
    .string()
    .regex(/^\d{2,3}\.0$/)
    .default(DEFAULT_API_VERSION),
  /** Country national numbers stored in the org are read in (Salesforce keeps phones as typed). */
  defaultCountry: z
    .string()
    .length(2)
    .transform((code) => code.toUpperCase())
    .refine((code) => isSupportedCountry(code), 'Expected an ISO 3166 country code, like FR'),
  orgId: SalesforceIdSchema,
  userId: SalesforceIdSchema,
});
export type SalesforceConfig = z.infer<typeof SalesforceConfigSchema>;
export type SalesforceConfigInput = z.input<typeof SalesforceConfigSchema>;
