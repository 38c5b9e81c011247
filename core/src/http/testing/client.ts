/** A tiny HTTP client for API tests: keeps the session cookie like a browser would. */
export interface ApiResponse {
  status: number;
  body: any;
  headers: Headers;
  text: string;
}

export class ApiClient {
  cookie: string | undefined;
  constructor(
    readonly base: string,
    readonly token?: string,
  ) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    init: { raw?: string; contentType?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (init.raw !== undefined) {
      payload = init.raw;
      headers['content-type'] = init.contentType ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.base}${path}`, { method: method.toUpperCase(), headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value.endsWith('=') ? undefined : value;
    }
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('application/json')) parsed = JSON.parse(text);
    return { status: res.status, body: parsed, headers: res.headers, text };
  }

  get = (path: string) => this.call('get', path);
  post = (path: string, body?: unknown) => this.call('post', path, body ?? {});
  put = (path: string, body: unknown) => this.call('put', path, body);
  patch = (path: string, body: unknown) => this.call('patch', path, body);
  delete = (path: string) => this.call('delete', path);
}
