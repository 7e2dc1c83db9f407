/** Requests per route key (`POST /token/init`), e.g. for "upstream calls per enrollment" in benchmarks. */
export class RequestCounter {
  #counts = new Map<string, number>();

  record(routeKey: string): void {
    this.#counts.set(routeKey, (this.#counts.get(routeKey) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }

  reset(): void {
    this.#counts.clear();
  }
}
