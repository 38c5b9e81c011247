/**
 * Time as the simulated call lives it: the clock's reading plus every second the call has waited
 * (ringing, talking, silence). Waiting never sleeps, so a 30 s ring costs no real time, and the
 * caller's scripted hang-up cuts the wait short exactly when it falls.
 */
export class SimulatedClock {
  #waited = 0;
  #callerHungUp = false;

  constructor(
    private readonly read: () => Date,
    /** Seconds after the call starts when the caller hangs up; undefined: they never do. */
    private readonly hangUpAfterSeconds: number | undefined,
  ) {}

  /** Seconds since the call started. */
  get elapsed(): number {
    return this.#waited;
  }

  get callerHungUp(): boolean {
    return this.#callerHungUp;
  }

  now(): Date {
    return new Date(this.read().getTime() + this.#waited * 1000);
  }

  /** Lets `seconds` pass; false when the caller hung up first, the clock then stopping at that instant. */
  wait(seconds: number): boolean {
    if (this.#callerHungUp) return false;
    const target = this.#waited + seconds;
    if (this.hangUpAfterSeconds !== undefined && this.hangUpAfterSeconds <= target) {
      this.#waited = Math.max(this.#waited, this.hangUpAfterSeconds);
      this.#callerHungUp = true;
      return false;
    }
    this.#waited = target;
    return true;
  }

  /** The caller hangs up now, e.g. once their voicemail is said. */
  hangUp(): void {
    this.#callerHungUp = true;
  }

  /** Lets time pass until `elapsed` is `at` seconds; false when the caller hung up first. */
  waitUntil(at: number): boolean {
    return this.wait(Math.max(0, at - this.#waited));
  }
}

/** RFC 2822 as Twilio writes it in Timestamp: "Tue, 10 Mar 2026 14:03:07 +0000". */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
