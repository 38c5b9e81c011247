import type { z } from 'zod';
import { failed, type Outcome, succeeded } from './outcome';
import { ParleyErrorBody } from './schemas';

/** The header the core reads the acting Attio user from (core/src/attio-app/acting-member.ts). */
export const ACTING_MEMBER_HEADER = 'parley-acting-member';

export interface ParleyTarget {
  /** The Parley server's public address, e.g. `https://phone.example.com`. */
  baseUrl: string;
  /** The workspace's secret: the API token of the Parley admin who installed the app. */
  secret: string;
  /** The Attio user the request is made for, as read from Attio (never from the browser). */
  actingEmail: string | null;
}

export interface ParleyRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** One request to Parley's core API, its answer checked against `schema`; never throws. */
export async function callParley<T>(
  target: ParleyTarget,
  request: ParleyRequest,
  schema: z.ZodType<T>,
  fetchFn: Fetch,
): Promise<Outcome<T>> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${target.secret}`,
    Accept: 'application/json',
  };
  if (target.actingEmail) headers[ACTING_MEMBER_HEADER] = target.actingEmail;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const url = `${target.baseUrl.replace(/\/+$/, '')}${request.path}`;
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    console.error('[Parley] request failed', error instanceof Error ? error.message : error);
    return failed(
      'parley_unreachable',
      `Parley did not answer at ${target.baseUrl}: check the Parley URL in the app's settings.`,
    );
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = ParleyErrorBody.safeParse(json);
    if (error.success) return failed(error.data.error.code, error.data.error.message);
    if (response.status === 401)
      return failed(
        'unauthenticated',
        "Parley refused the app's API token: reconnect the app with a new one.",
      );
    return failed(
      'parley_error',
      `Parley answered ${response.status}: try again, or tell your Parley admin.`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error('[Parley] unexpected answer', parsed.error.issues.slice(0, 3));
    return failed('bad_response', 'Parley answered in a way this app does not understand: update the app.');
  }
  return succeeded(parsed.data);
}
