/** Wall time in epoch milliseconds. Injected so tests can move the BFF and the simulator forward together. */
export interface Clock {
  now(): number;
}
