import { z } from 'zod';

/**
 * What an admin decides per CRM connection (what peers' users ask for). Stored as JSON; every field
 * has a default so a connection made before a setting existed still reads.
 */
export const ConnectionSettingsSchema = z.strictObject({
  /** Which calls reach the CRM. */
  logCalls: z.enum(['all', 'answered']).default('all'),
  /** Calls between two members are team chatter, not customer history. */
  logInternalCalls: z.boolean().default(false),
  /** A caller no CRM record matches: create the contact, log the call on nobody, or leave it out. */
  unknownCallers: z.enum(['create_contact', 'log_unassociated', 'skip']).default('log_unassociated'),
  /** CRM owner for members no CRM user matches by email; absent leaves the CRM's default owner. */
  fallbackOwnerId: z.string().min(1).nullable().default(null),
  /** Owner chosen by the admin for a member, overriding the email match. */
  ownerOverrides: z.record(z.uuid(), z.string().min(1)).default({}),
  includeRecordings: z.boolean().default(true),
  includeTranscripts: z.boolean().default(true),
  includeSummaries: z.boolean().default(true),
  /**
   * The CRM outcome value for a Parley disposition (checked first) or call result; one outcome per
   * call. Keys are Parley's words, values the CRM's own (`listOutcomes`).
   */
  outcomes: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** Contacts flow both ways; off, the CRM only feeds Parley. */
  pushContacts: z.boolean().default(true),
});
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

/** A partial change from the admin, checked field by field like the whole. */
export const ConnectionSettingsPatchSchema = ConnectionSettingsSchema.partial();

export function readSettings(stored: unknown): ConnectionSettings {
  return ConnectionSettingsSchema.parse(stored ?? {});
}
