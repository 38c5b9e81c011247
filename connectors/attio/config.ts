import { z } from 'zod';

/**
 * One Attio workspace connection. Attio's OAuth access tokens carry `exp: null` in `GET /v2/self`
 * and the spec's OAuth flow has no refresh grant, so there is no refresh token to keep (research §2.1;
 * not confirmed against a live app beyond that).
 */
export const AttioConfig = z.strictObject({
  /** REST API root: https://api.attio.com, or an emulator. */
  apiBaseUrl: z.url().default('https://api.attio.com'),
  /** The web app, for record links: https://app.attio.com. */
  appBaseUrl: z.url().default('https://app.attio.com'),
  accessToken: z.string().min(1),
  workspaceId: z.string().min(1),
  /** Part of every record link (`https://app.attio.com/<slug>/person/<id>`), from `GET /v2/self`. */
  workspaceSlug: z.string().min(1),
  /** Country national numbers typed in Attio are read in, as ISO 3166 alpha-2 (FR). */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type AttioConfig = z.infer<typeof AttioConfig>;
