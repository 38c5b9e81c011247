import { z } from 'zod';

/** The calling extension as HubSpot stores it (`SettingsRequest` of calling-extensions-v3). */
export const CallingSettingsSchema = z.object({
  name: z.string(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  isReady: z.boolean(),
  supportsInboundCalling: z.boolean(),
  supportsCustomObjects: z.boolean(),
  usesCallingWindow: z.boolean(),
  usesRemote: z.boolean(),
});
export type CallingSettings = z.infer<typeof CallingSettingsSchema>;

export const RecordingSettingsSchema = z.object({ urlToRetrieveAuthedRecording: z.string() });
export type RecordingSettings = z.infer<typeof RecordingSettingsSchema>;

/**
 * Parley's dialer as HubSpot's calling widget: 400×600 like the dialer's own layout, inbound
 * calls through HubSpot's calling remote and window (the window keeps a call alive while the rep
 * moves between records), and custom-object records allowed as click-to-call sources.
 */
export function desiredSettings(publicUrl: string, isReady: boolean): CallingSettings {
  return {
    name: 'Parley',
    url: `${publicUrl.replace(/\/+$/, '')}/dialer?host=hubspot`,
    width: 400,
    height: 600,
    isReady,
    supportsInboundCalling: true,
    supportsCustomObjects: true,
    usesCallingWindow: true,
    usesRemote: true,
  };
}

/** Where HubSpot asks for a call's recording; `%s` becomes the call's external id (Parley's call id). */
export function desiredRecordingSettings(publicUrl: string): RecordingSettings {
  return { urlToRetrieveAuthedRecording: `${publicUrl.replace(/\/+$/, '')}/hubspot/recordings/%s` };
}

/** The fields whose stored value differs from the wanted one, with both values, in a stable order. */
export function changedFields<T extends Record<string, unknown>>(
  current: Partial<T> | null,
  desired: T,
): Array<{ field: keyof T & string; from: unknown; to: unknown }> {
  return (Object.keys(desired) as Array<keyof T & string>)
    .filter((field) => current?.[field] !== desired[field])
    .map((field) => ({ field, from: current?.[field], to: desired[field] }));
}
