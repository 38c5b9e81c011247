import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Fault, FaultPlan } from './faults.ts';
import type { SpecCheck, SpecViolation } from './openapi-check.ts';

export interface EmuRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The raw body, as signatures and XML-RPC need it. */
  rawBody: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is (set its content-type). */
  body?: unknown;
}

/** A CRM's request budget as the emulator enforces it: a fixed window per key, like HubSpot's 10 s window. */
export interface EnforcedLimit {
  requests: number;
  windowMs: number;
  /** Which budget a request draws on (a token, a portal); one shared budget when absent. */
  keyOf?: (request: EmuRequest) => string;
}

export interface EmulatorOptions {
  name: string;
  handle(request: EmuRequest): EmuResponse | Promise<EmuResponse>;
  /** The CRM's own answer to a `status` fault or to an exceeded budget, in its body and headers. */
  errorResponse(status: number, retryAfterSeconds?: number): EmuResponse;
  limit?: EnforcedLimit;
  /** When set, every request and response is checked against the vendor's spec. */
  spec?: SpecCheck;
  /** Requests the spec does not describe but the CRM serves (OAuth pages, webhooks we send). */
  outsideSpec?: (request: EmuRequest) => boolean;
  port?: number;
  now?: () => number;
}

export interface EmulatorStats {
  requests: number;
  /** Requests answered 429, by the enforced limit or a fault. */
  rateLimited: number;
  /** Requests per `METHOD path-pattern` is up to each emulator; this is per raw path. */
  byPath: Map<string, number>;
}

export interface RunningEmulator {
  url: string;
  faults: FaultPlan;
  stats: EmulatorStats;
  /** Every spec mismatch seen; a test fails when this is not empty. */
  violations: SpecViolation[];
  /** Swaps the enforced budget (for benches) or removes it. */
  setLimit(limit: EnforcedLimit | undefined): void;
  resetStats(): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(response: ServerResponse, answer: EmuResponse): void {
  const isText = typeof answer.body === 'string';
  const payload =
    answer.body === undefined ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...(answer.body !== undefined && !isText ? { 'content-type': 'application/json;charset=utf-8' } : {}),
    ...answer.headers,
  });
  response.end(payload);
}

/**
 * The HTTP shell every CRM emulator shares: faults, the CRM's enforced budget, spec checks and
 * counters; the emulator itself only maps requests to its state. Test- and dev-only.
 */
export async function startEmulatorServer(options: EmulatorOptions): Promise<RunningEmulator> {
  const faults = new FaultPlan();
  const stats: EmulatorStats = { requests: 0, rateLimited: 0, byPath: new Map() };
  const violations: SpecViolation[] = [];
  const now = options.now ?? Date.now;
  let limit = options.limit;
  const windows = new Map<string, { start: number; used: number }>();

  function overBudget(request: EmuRequest): number | null {
    if (!limit) return null;
    const key = limit.keyOf?.(request) ?? '';
    const at = now();
    let window = windows.get(key);
    if (!window || at - window.start >= limit.windowMs) {
      window = { start: at, used: 0 };
      windows.set(key, window);
    }
    window.used++;
    if (window.used <= limit.requests) return null;
    return Math.max(1, Math.ceil((window.start + limit.windowMs - at) / 1000));
  }

  async function handleOne(
    req: IncomingMessage,
    res: ServerResponse,
    request: EmuRequest,
    fault: Fault | null,
  ) {
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') {
      await sleep(fault.ms);
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'latency') await sleep(fault.ms);
    if (fault?.kind === 'status') {
      if (fault.status === 429) stats.rateLimited++;
      send(res, options.errorResponse(fault.status, fault.retryAfterSeconds));
      return;
    }
    const wait = overBudget(request);
    if (wait !== null) {
      stats.rateLimited++;
      send(res, options.errorResponse(429, wait));
      return;
    }
    const specRequest = {
      method: request.method,
      path: request.path,
      query: request.query.toString(),
      headers: request.headers,
      body: request.json,
    };
    const checked = options.spec && !options.outsideSpec?.(request);
    if (checked && options.spec) {
      const problems = options.spec.checkRequest(specRequest);
      if (problems.length > 0) {
        violations.push(...problems);
        send(res, options.errorResponse(400));
        return;
      }
    }
    const answer = await options.handle(request);
    if (checked && options.spec && answer.body !== undefined && typeof answer.body !== 'string') {
      violations.push(...options.spec.checkResponse(specRequest, answer.status, answer.body));
    }
    if (fault?.kind === 'drop-after-commit') {
      req.socket.destroy();
      return;
    }
    send(res, answer);
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://emulator');
      const rawBody = await readBody(req);
      let json: unknown;
      if (rawBody && /json/i.test(req.headers['content-type'] ?? '')) {
        try {
          json = JSON.parse(rawBody);
        } catch {
          json = undefined;
        }
      }
      const request: EmuRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        json,
      };
      stats.requests++;
      stats.byPath.set(request.path, (stats.byPath.get(request.path) ?? 0) + 1);
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      await handleOne(req, res, request, faults.take());
    } catch (error) {
      // An emulator bug must surface in the test, not pass as the CRM's 500.
      violations.push({
        spec: options.name,
        what: 'response',
        method: req.method ?? '',
        path: req.url ?? '',
        errors: [`emulator crashed: ${error instanceof Error ? error.stack : String(error)}`],
      });
      if (!res.headersSent) send(res, { status: 500, body: { message: 'emulator error' } });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    stats,
    violations,
    setLimit(next) {
      limit = next;
      windows.clear();
    },
    resetStats() {
      stats.requests = 0;
      stats.rateLimited = 0;
      stats.byPath.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
