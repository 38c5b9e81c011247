import type { z } from 'zod';
import {
  type CallingSettings,
  CallingSettingsSchema,
  changedFields,
  type RecordingSettings,
  RecordingSettingsSchema,
} from './calling-settings.ts';

export interface RegisterOptions {
  apiBaseUrl: string;
  appId: string;
  /** A developer API key (`?hapikey=`) or a developer OAuth token with `developers-write`. */
  auth: { hapikey: string } | { bearer: string };
  settings: CallingSettings;
  /** Null: recordings are not offered to HubSpot (the endpoint is left as it is). */
  recording: RecordingSettings | null;
  fetch?: typeof fetch;
}

export class RegistrationError extends Error {
  override name = 'RegistrationError';
}

interface Step<T extends Record<string, unknown>> {
  label: string;
  path: string;
  schema: z.ZodType<Partial<T>>;
  desired: T;
}

/**
 * Creates or updates the app's calling extension settings (and its recording settings) so they
 * read as wanted, sending only what differs, and says in plain lines what changed. Running it
 * twice changes nothing the second time.
 */
export async function registerCallingExtension(options: RegisterOptions): Promise<string[]> {
  const send = options.fetch ?? fetch;
  const base = `${options.apiBaseUrl.replace(/\/+$/, '')}/crm/v3/extensions/calling/${encodeURIComponent(options.appId)}`;
  const urlOf = (path: string) => {
    const url = new URL(`${base}${path}`);
    if ('hapikey' in options.auth) url.searchParams.set('hapikey', options.auth.hapikey);
    return url;
  };
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if ('bearer' in options.auth) headers.authorization = `Bearer ${options.auth.bearer}`;

  async function call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const response = await send(urlOf(path), {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (response.status >= 400 && response.status !== 404) {
      const message = (json as { message?: unknown } | null)?.message;
      throw new RegistrationError(
        `HubSpot answered ${response.status} to ${method} ${path || '/'}: ${typeof message === 'string' ? message : text}`,
      );
    }
    return { status: response.status, json };
  }

  async function apply<T extends Record<string, unknown>>(step: Step<T>): Promise<string> {
    const current = await call('GET', step.path);
    if (current.status === 404) {
      await call('POST', step.path, step.desired);
      return `${step.label}: created (${Object.entries(step.desired)
        .map(([field, value]) => `${field}=${JSON.stringify(value)}`)
        .join(', ')})`;
    }
    const stored = step.schema.safeParse(current.json);
    if (!stored.success)
      throw new RegistrationError(`${step.label}: HubSpot's answer is not what its spec says.`);
    const changes = changedFields(stored.data, step.desired);
    if (changes.length === 0) return `${step.label}: unchanged`;
    await call('PATCH', step.path, Object.fromEntries(changes.map((c) => [c.field, c.to])));
    return `${step.label}: updated ${changes
      .map((c) => `${c.field} ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`)
      .join(', ')}`;
  }

  const lines = [
    await apply({
      label: 'calling settings',
      path: '/settings',
      schema: CallingSettingsSchema.partial(),
      desired: options.settings,
    }),
  ];
  if (options.recording)
    lines.push(
      await apply({
        label: 'recording settings',
        path: '/settings/recording',
        schema: RecordingSettingsSchema.partial(),
        desired: options.recording,
      }),
    );
  return lines;
}
