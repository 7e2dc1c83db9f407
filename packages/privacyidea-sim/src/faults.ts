/** Ways the simulated privacyIDEA can misbehave, to test a client's timeouts, retries and error handling. */
export type Fault =
  /** Answer normally, but only after `ms` milliseconds of wall-clock time. */
  | { kind: 'latency'; ms: number }
  /** Answer privacyIDEA's generic HTTP 500 (code -500) without touching any state. */
  | { kind: 'error500' }
  /** Destroy the connection without answering (the client sees a reset / socket hang up). */
  | { kind: 'reset' }
  /** Never answer; the request is ended only when the simulator closes. */
  | { kind: 'hang' };

export interface FaultRule {
  /** A route key such as `POST /token/init`, `DELETE /token/:serial`, `GET /token/`, or `*` for every request. */
  endpoint: string;
  fault: Fault;
  /** How many matching requests the fault applies to; omitted = until cleared. */
  times?: number;
  /** How many matching requests pass untouched first (e.g. 1: the second /token/init, an enrollment's step 2). */
  after?: number;
}

/** What happens to one request after its latency (if any). */
export type FaultOutcome = { kind: 'none' } | { kind: 'error500' } | { kind: 'reset' } | { kind: 'hang' };

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
  skip: number;
}

/**
 * The active fault rules, in the order they were injected. Every matching rule consumes one of its `times`:
 * latencies add up, and the first matching non-latency rule decides the outcome (so "slow, then 500" is two rules).
 */
export class FaultRegistry {
  #rules: ActiveRule[] = [];

  inject(rule: FaultRule): void {
    validateFaultRule(rule);
    this.#rules.push({ rule: structuredClone(rule), remaining: rule.times ?? Number.POSITIVE_INFINITY, skip: rule.after ?? 0 });
  }

  clear(): void {
    this.#rules = [];
  }

  active(): FaultRule[] {
    return this.#rules.map(({ rule, remaining, skip }) => {
      const { after: _after, ...rest } = structuredClone(rule);
      return { ...rest, ...(Number.isFinite(remaining) ? { times: remaining } : {}), ...(skip > 0 ? { after: skip } : {}) };
    });
  }

  /** Consumes the matching rules for one request to `routeKey`. */
  take(routeKey: string): { latencyMs: number; outcome: FaultOutcome } {
    let latencyMs = 0;
    let outcome: FaultOutcome = { kind: 'none' };
    for (const active of this.#rules) {
      if (active.rule.endpoint !== '*' && active.rule.endpoint !== routeKey) continue;
      if (active.skip > 0) {
        active.skip -= 1;
        continue;
      }
      const { fault } = active.rule;
      if (fault.kind === 'latency') {
        latencyMs += fault.ms;
      } else if (outcome.kind === 'none') {
        outcome = { kind: fault.kind };
      } else {
        continue;
      }
      active.remaining -= 1;
    }
    this.#rules = this.#rules.filter((active) => active.remaining > 0);
    return { latencyMs, outcome };
  }
}

export function validateFaultRule(rule: unknown): asserts rule is FaultRule {
  const candidate = rule as Partial<FaultRule> | null;
  if (typeof candidate !== 'object' || candidate === null) throw new TypeError('a fault rule must be an object');
  if (typeof candidate.endpoint !== 'string' || candidate.endpoint === '') {
    throw new TypeError('fault rule: endpoint must be a route key such as "POST /token/init" or "*"');
  }
  const fault = candidate.fault as Partial<Fault> | undefined;
  const kinds = ['latency', 'error500', 'reset', 'hang'];
  if (typeof fault !== 'object' || fault === null || typeof fault.kind !== 'string' || !kinds.includes(fault.kind)) {
    throw new TypeError(`fault rule: fault.kind must be one of ${kinds.join(', ')}`);
  }
  if (fault.kind === 'latency') {
    const ms = (fault as { ms?: unknown }).ms;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new TypeError('fault rule: latency needs ms >= 0');
  }
  if (candidate.times !== undefined && (!Number.isInteger(candidate.times) || candidate.times < 1)) {
    throw new TypeError('fault rule: times must be a positive integer');
  }
  if (candidate.after !== undefined && (!Number.isInteger(candidate.after) || candidate.after < 0)) {
    throw new TypeError('fault rule: after must be a whole number');
  }
}
