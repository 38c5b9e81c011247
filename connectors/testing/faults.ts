/**
 * Faults an emulator injects, declared by tests: the CRM's own error answer (429 with its wait,
 * 5xx), a dropped connection before or after the emulator acted, a slow answer, or a hang past the
 * client's timeout. Each emulator renders `status` faults in its CRM's own body and headers.
 */
export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  /** The socket closes before the request is handled: nothing happened in the CRM. */
  | { kind: 'drop' }
  /** The request is handled (the record exists), then the socket closes: the client never hears. */
  | { kind: 'drop-after-commit' }
  | { kind: 'latency'; ms: number }
  /** No answer for `ms`, then the socket closes without acting. */
  | { kind: 'hang'; ms: number };

export interface RandomFaults {
  /** Share of requests that get a fault, 0..1. */
  rate: number;
  /** Picked uniformly for each faulted request. */
  faults: Fault[];
}

export interface FaultControl {
  /** The next `times` requests (1 by default) get `fault`, before any random fault. */
  next(fault: Fault, times?: number): void;
  /** From now on, a share of requests get one of `faults`, until `clear()`. */
  random(plan: RandomFaults): void;
  /** Extra latency on every request, to model a CRM at normal speed. */
  baseLatency(ms: number): void;
  clear(): void;
}

export class FaultPlan implements FaultControl {
  private queue: Fault[] = [];
  private plan: RandomFaults | null = null;
  latencyMs = 0;

  /** Seeded so a failing fault run can be replayed. */
  constructor(private random01: () => number = mulberry32(0x5eed)) {}

  next(fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.queue.push(fault);
  }

  random(plan: RandomFaults): void {
    if (plan.rate < 0 || plan.rate > 1 || plan.faults.length === 0) {
      throw new RangeError('A random fault plan needs a rate in 0..1 and at least one fault');
    }
    this.plan = plan;
  }

  baseLatency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }

  clear(): void {
    this.queue = [];
    this.plan = null;
    this.latencyMs = 0;
  }

  /** The fault for the request arriving now, if any. */
  take(): Fault | null {
    const queued = this.queue.shift();
    if (queued) return queued;
    if (this.plan && this.random01() < this.plan.rate) {
      const index = Math.floor(this.random01() * this.plan.faults.length);
      return this.plan.faults[index] ?? null;
    }
    return null;
  }
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
