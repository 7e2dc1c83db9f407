/** Everything time-based in the simulator (TOTP steps, JWT expiry, token dates) reads this, never `Date.now()`. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A clock that only moves when told to, so tests can compute the exact OTP the server expects. */
export class ManualClock implements Clock {
  #nowMs: number;

  constructor(startMs: number = Date.now()) {
    this.#nowMs = startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  advance(ms: number): void {
    this.#nowMs += ms;
  }

  set(ms: number): void {
    this.#nowMs = ms;
  }
}

/**
 * Wall-clock time plus an adjustable offset: what the CLI runs on. QA can still jump ahead
 * (`POST /_sim/clock/advance`) to expire JWTs or move to the next TOTP step without restarting.
 */
export class SystemClock implements Clock {
  #offsetMs = 0;

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }

  set(ms: number): void {
    this.#offsetMs = ms - Date.now();
  }
}

/** A clock the control API can move. */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function isAdjustableClock(clock: Clock): clock is AdjustableClock {
  const candidate = clock as Partial<AdjustableClock>;
  return typeof candidate.advance === 'function' && typeof candidate.set === 'function';
}
