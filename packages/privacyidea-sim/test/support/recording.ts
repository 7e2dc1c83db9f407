import { readFileSync } from 'node:fs';

/** The recorded exchanges (test/fixtures/recorded-exchanges.json, copied from recorded-api.md). */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedExchange {
  section: string;
  note: string;
  request: RecordedRequest;
  status: number;
  /** null for the HTML 404 of `POST /auth/`, whose body the recording did not keep. */
  body: unknown;
}

export interface TokenListFilterCase {
  id: string;
  query: string;
  serials: string[];
  count: number;
  current: number;
  next: number | null;
  prev: number | null;
}

interface RecordingFile {
  jwtClaims: { admin: Record<string, unknown> };
  exchanges: Record<string, RecordedExchange>;
  tokenListFilters: TokenListFilterCase[];
}

export const recording = JSON.parse(
  readFileSync(new URL('../fixtures/recorded-exchanges.json', import.meta.url), 'utf8'),
) as RecordingFile;

export function exchange(id: string): RecordedExchange {
  const found = recording.exchanges[id];
  if (found === undefined) throw new Error(`no recorded exchange ${id}`);
  return found;
}

/** Seeds the recording shows in full (alice's TOTP0000011D from c1, bob's TOTP00020A42 from g13b). */
export const RECORDED_SEEDS = {
  alice: 'c70924a1ff5438c53c73f2d37830597f716e7818',
  bob: 'f9ff229d20aad3040513c142eba590a14be987dd',
} as const;

/** Recorded moments: c1's creation_date, e1's response time, bob's first time step (g13b, N0). */
export const RECORDED_TIMES = {
  c1: Date.parse('2026-11-28T15:03:52Z'),
  e1: 1795878250856,
  bobN0: 59862611,
} as const;

/** A moment `seconds` into TOTP time step `step` (30 s steps). */
export function inStep(step: number, seconds = 5): number {
  return step * 30_000 + seconds * 1000;
}
