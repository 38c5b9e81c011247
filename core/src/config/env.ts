import { z } from 'zod';

const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.url({ message: `${what} must be a URL` }).optional())
    .optional();

/**
 * Every environment variable Parley reads, with its default. README's configuration table
 * lists the same names; `parley doctor` reports on them.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl('PUBLIC_URL'),
  PARLEY_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalUrl('DATABASE_URL'),
  REDIS_URL: optionalUrl('REDIS_URL'),
  PARLEY_SECRET_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: optionalUrl('SMTP_URL'),
  MAIL_FROM: z.string().default('Parley <no-reply@parley.local>'),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_API_KEY_SID: z.string().optional(),
  TWILIO_API_KEY_SECRET: z.string().optional(),
  TWILIO_TWIML_APP_SID: z.string().optional(),
  LLM_BASE_URL: optionalUrl('LLM_BASE_URL'),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  /** An OpenAI-compatible `/audio/transcriptions` root; unset: the offline engine transcribes. */
  STT_BASE_URL: optionalUrl('STT_BASE_URL'),
  STT_API_KEY: z.string().optional(),
  STT_MODEL: z.string().default('whisper-1'),
  /** off: this instance serves HTTP only; run `parley worker` elsewhere (or another instance with on). */
  PARLEY_SYNC_WORKER: z.enum(['on', 'off']).default('on'),
  /** Extra origins that may frame the dialer (space-separated), besides the connected CRMs' own. */
  PARLEY_FRAME_ANCESTORS: z.string().default(''),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly kind = 'invalid';
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) {
    const env = result.data;
    if (Boolean(env.TWILIO_ACCOUNT_SID) !== Boolean(env.TWILIO_AUTH_TOKEN))
      throw new ConfigError(
        'Set both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or neither to use the simulator',
      );
    const browser = [env.TWILIO_API_KEY_SID, env.TWILIO_API_KEY_SECRET, env.TWILIO_TWIML_APP_SID];
    if (browser.some(Boolean) && !browser.every(Boolean))
      throw new ConfigError(
        'The browser dialer needs all of TWILIO_API_KEY_SID, TWILIO_API_KEY_SECRET and TWILIO_TWIML_APP_SID: a Twilio API key and a TwiML App whose voice URL is PUBLIC_URL/webhooks/twilio/voice and status callback PUBLIC_URL/webhooks/twilio/status',
      );
    if (browser.every(Boolean) && !env.TWILIO_ACCOUNT_SID)
      throw new ConfigError('The browser dialer settings need TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN too');
    return env;
  }
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

export function publicUrl(env: Env, port: number): string {
  return (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
}
