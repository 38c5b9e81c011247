import { z } from 'zod';
import { desiredRecordingSettings, desiredSettings } from '../registration/calling-settings.ts';
import { RegistrationError, registerCallingExtension } from '../registration/register.ts';

const Env = z
  .object({
    HUBSPOT_APP_ID: z
      .string()
      .regex(/^\d+$/, 'HUBSPOT_APP_ID: the numeric id of the app (Development → Apps)'),
    HUBSPOT_DEVELOPER_API_KEY: z.string().min(1).optional(),
    HUBSPOT_DEVELOPER_TOKEN: z.string().min(1).optional(),
    PARLEY_PUBLIC_URL: z.url({ protocol: /^https$/, error: 'PARLEY_PUBLIC_URL: Parley’s https address' }),
    HUBSPOT_API_BASE_URL: z.url().default('https://api.hubapi.com'),
    // Keep the extension hidden from reps (isReady false) until it has been tried in a test portal.
    HUBSPOT_CALLING_READY: z.enum(['true', 'false']).default('false'),
    PARLEY_HUBSPOT_RECORDINGS: z.enum(['on', 'off']).default('off'),
  })
  .refine((env) => env.HUBSPOT_DEVELOPER_API_KEY || env.HUBSPOT_DEVELOPER_TOKEN, {
    message:
      'Set HUBSPOT_DEVELOPER_API_KEY (developer API key) or HUBSPOT_DEVELOPER_TOKEN (developers-write)',
  });

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(issue.message);
  process.exit(2);
}
const env = parsed.data;
try {
  const lines = await registerCallingExtension({
    apiBaseUrl: env.HUBSPOT_API_BASE_URL,
    appId: env.HUBSPOT_APP_ID,
    auth: env.HUBSPOT_DEVELOPER_API_KEY
      ? { hapikey: env.HUBSPOT_DEVELOPER_API_KEY }
      : { bearer: env.HUBSPOT_DEVELOPER_TOKEN ?? '' },
    settings: desiredSettings(env.PARLEY_PUBLIC_URL, env.HUBSPOT_CALLING_READY === 'true'),
    recording:
      env.PARLEY_HUBSPOT_RECORDINGS === 'on' ? desiredRecordingSettings(env.PARLEY_PUBLIC_URL) : null,
  });
  for (const line of lines) console.log(line);
} catch (error) {
  if (!(error instanceof RegistrationError)) throw error;
  console.error(error.message);
  process.exit(1);
}
