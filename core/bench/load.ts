import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { type Summary, summarise } from './stats.ts';

/** Where to send load and how to tell a good answer from a fast failure. */
export interface Target {
  /** Origin the connections go to, e.g. http://127.0.0.1:4567. */
  url: string;
  path: string;
  /** A new body and its headers for every request (each one a new call). */
  next(): { body: string; headers: Record<string, string> };
  /** True when the response is the one a real caller needs; anything else counts as failed. */
  accept(status: number, body: string): boolean;
}

export interface LoadRun {
  /** Requests written to a socket. */
  sent: number;
  /** Responses that `accept` took. */
  ok: number;
  /** Responses it refused (wrong status or body). */
  failed: number;
  /** Connection errors and timeouts, and how many of each kind. */
  errors: number;
  errorKinds: Record<string, number>;
  /** From the first request sent to the last response received. */
  seconds: number;
  /** ok / seconds. */
  throughput: number;
  /** Client-side latency of every response, ms. */
  latency: Summary | null;
}

class Tally {
  sent = 0;
  ok = 0;
  failed = 0;
  errors = 0;
  readonly errorKinds: Record<string, number> = {};
  readonly latencies: number[] = [];
  private first: bigint | null = null;
  private last: bigint | null = null;

  requests(target: Target): autocannon.Request[] {
    return [
      {
        method: 'POST',
        path: target.path,
        setupRequest: (request) => {
          this.sent += 1;
          this.first ??= process.hrtime.bigint();
          const { body, headers } = target.next();
          return { ...request, body, headers: { ...request.headers, ...headers } };
        },
        onResponse: (status, body) => {
          this.last = process.hrtime.bigint();
          if (target.accept(status, body)) this.ok += 1;
          else this.failed += 1;
        },
      },
    ];
  }

  watch(instance: autocannon.Instance): autocannon.Instance {
    instance.on('response', (_client, _status, _bytes, ms) => {
      this.latencies.push(ms);
    });
    instance.on('reqError', (error) => {
      this.errors += 1;
      const kind = (error as NodeJS.ErrnoException).code ?? error.message;
      this.errorKinds[kind] = (this.errorKinds[kind] ?? 0) + 1;
    });
    return instance;
  }

  result(): LoadRun {
    const seconds = this.first !== null && this.last !== null ? Number(this.last - this.first) / 1e9 : 0;
    return {
      sent: this.sent,
      ok: this.ok,
      failed: this.failed,
      errors: this.errors,
      errorKinds: this.errorKinds,
      seconds,
      throughput: seconds > 0 ? this.ok / seconds : 0,
      latency: summarise(this.latencies),
    };
  }
}

/** Closed loop: each connection sends its next request as soon as the last is answered. */
async function closedLoop(
  target: Target,
  limit: { connections: number } & ({ duration: number } | { amount: number }),
): Promise<LoadRun> {
  const tally = new Tally();
  await tally.watch(autocannon({ url: target.url, ...limit, requests: tally.requests(target) }));
  return tally.result();
}

/** `connections` connections, each sending its next request as soon as the last is answered. */
export function saturate(target: Target, options: { connections: number; seconds: number }) {
  return closedLoop(target, { connections: options.connections, duration: options.seconds });
}

/** A fixed number of requests, for warming a server up; nothing is kept. */
export function warmUp(target: Target, options: { requests: number; connections: number }) {
  return closedLoop(target, { connections: options.connections, amount: options.requests });
}

/**
 * `rate` requests per second, evenly spaced, whatever the server's latency (open loop).
 * One autocannon run with `overallRate` does not do that: every connection's quota for a second is
 * released at the same instant, so the server sees a burst of `connections` concurrent requests at
 * the top of each second and idles the rest. Here each of `rate` single-connection runs sends one
 * request per second (`overallRate: 1`), and they start 1/rate s apart, so the arrivals interleave
 * into one request every 1/rate s. Each run sends `seconds` requests (autocannon's `duration` would
 * send one more just as it stops, then drop it); runs a slow server has not answered by then are
 * stopped half a second after their last request was due, their requests left unanswered.
 */
export async function offerRate(target: Target, options: { rate: number; seconds: number }) {
  const tally = new Tally();
  const gapMs = 1000 / options.rate;
  const start = process.hrtime.bigint();
  const runs: Promise<unknown>[] = [];
  for (let i = 0; i < options.rate; i++) {
    const due = i * gapMs - Number(process.hrtime.bigint() - start) / 1e6;
    if (due > 1) await sleep(due);
    const run = tally.watch(
      autocannon({
        url: target.url,
        connections: 1,
        overallRate: 1,
        amount: options.seconds,
        requests: tally.requests(target),
      }),
    );
    const deadline = setTimeout(() => run.stop(), (options.seconds - 0.5) * 1000);
    runs.push(Promise.resolve(run).finally(() => clearTimeout(deadline)));
  }
  await Promise.all(runs);
  return tally.result();
}
