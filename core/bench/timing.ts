import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Durations in milliseconds, appended without allocation per sample and sorted only when read. */
export class DurationLog {
  private samples = new Float64Array(1 << 16);
  private size = 0;

  record(ms: number): void {
    if (this.size === this.samples.length) {
      const bigger = new Float64Array(this.samples.length * 2);
      bigger.set(this.samples);
      this.samples = bigger;
    }
    this.samples[this.size++] = ms;
  }

  /** The samples so far, sorted ascending; the log starts empty again. */
  drain(): Float64Array {
    const taken = this.samples.slice(0, this.size).sort();
    this.size = 0;
    return taken;
  }
}

/**
 * Wraps a server's handler (an express app) to time, inside the server, each request `which`
 * selects: from the moment Node hands it over to the moment its response is written out. The app
 * itself is not changed, so this is the production code path plus two clock reads.
 */
export function timed(
  handler: RequestListener,
  log: DurationLog,
  which: (req: IncomingMessage) => boolean,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (which(req)) {
      const start = process.hrtime.bigint();
      res.once('finish', () => log.record(Number(process.hrtime.bigint() - start) / 1e6));
    }
    handler(req, res);
  };
}
