/** The API's error shape: `{ error: { code, message, details: { fields } } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field-level messages, keyed like the API's (`email`, `params.id`, `days.mon.ranges.0`). */
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { fields?: Record<string, string> } };
}

let bearer: string | null = null;
let bearerRejected: (() => void) | null = null;

/**
 * The embedded dialer holds a short-lived token in memory (no third-party cookies); the tab uses
 * the session. A plain setter, not a React hook: it only changes what `api` sends.
 */
export function setBearer(token: string | null): void {
  bearer = token;
}

/**
 * Told when the API refuses the bearer (it expired, 15 min): the token is dropped and the framed
 * dialer shows its sign-in again, since only the Parley popup (a user click) can mint another.
 */
export function onBearerRejected(listener: (() => void) | null): void {
  bearerRejected = listener;
}

/** A URL for EventSource, which cannot send headers: the API takes the bearer as `?access_token=` there. */
export function streamUrl(path: string): string {
  if (!bearer) return path;
  return `${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(bearer)}`;
}

/** The app's language, which I18nProvider keeps on <html lang>, so the API words its errors in it. */
function acceptLanguage(): 'fr' | 'en' {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return lang.startsWith('en') ? 'en' : 'fr';
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const sentBearer = bearer;
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      'accept-language': acceptLanguage(),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(sentBearer ? { authorization: `Bearer ${sentBearer}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && sentBearer && sentBearer === bearer) {
      bearer = null;
      bearerRejected?.();
    }
    const error = (parsed as ErrorBody | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `HTTP ${response.status}`,
      error?.details?.fields ?? {},
    );
  }
  return parsed as T;
}
