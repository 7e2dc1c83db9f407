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

function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

export const recording = readFixture<RecordingFile>('recorded-exchanges.json');

/** recorded-api-3.13.md (upper-case ids R1, A2, B2 …) and recorded-api-more.md §0–§1 (K1 … K8, Q3). */
const moreRecordings = [
  readFixture<{ exchanges: Record<string, RecordedExchange> }>('recorded-exchanges-3.13.json'),
  readFixture<{ exchanges: Record<string, RecordedExchange> }>('recorded-exchanges-more.json'),
  readFixture<{ exchanges: Record<string, RecordedExchange> }>('recorded-exchanges-methods.json'),
];

const allExchanges: Record<string, RecordedExchange> = { ...recording.exchanges };
for (const file of moreRecordings) {
  for (const [id, recorded] of Object.entries(file.exchanges)) {
    if (id in allExchanges) throw new Error(`recorded exchange id ${id} is in two fixture files`);
    allExchanges[id] = recorded;
  }
}

export function exchange(id: string): RecordedExchange {
  const found = allExchanges[id];
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

/** Recorded seeds and time steps of recorded-api-3.13.md (R1: carol's TOTP0002A8CA) and recorded-api-more.md. */
export const RECORDED_3_13 = {
  carolSeed: '7aa44314826c628f7e23892067b164288ab60af4',
  /** R4's verify code 230304 and R6b's replay. */
  r4Step: 59870679,
  /** R11/R14's code 294764. */
  r11Step: 59870681,
} as const;

/** Seeds of recorded-api-more.md §3–§4 whose codes the recording shows (HOTP counters: the init mail is counter 1). */
export const RECORDED_METHODS = {
  /** carol's PIEM00002391 (M4): 801497 mailed at init (counter 1), 812308 at M7 (3), 720779 at M10 (5). */
  carolEmailSeed: 'f2403dbd8ffb8730587a2565b551017656e9772c',
  erinEmailSeed: '9b26481135edd49f89672753028c592e356a9553',
  carolFixedEmailSeed: 'b6a0903b541624d618b1b291cbdf6f5009d1c6e8',
  /** erin's PITN00004F4A (T1): tans["n"] is the HOTP code of counter n. */
  erinTanSeed: '14bd2d3d1af7c13bde7c9dfb226a6f847a18cb00',
  /** M4's mail (09:23:22), when the recorded email exchanges begin. */
  m4Ms: Date.parse('2026-12-01T09:23:22Z'),
} as const;

export const RECORDED_MORE = {
  k1Seed: '86e9379ef3b6a77613601aea45f7c4f601a6b9d8',
  /** K2's verify code 404356; K5's 763553 is the next step. */
  k2Step: 59870564,
  k7Seed: '1130b5ecc7130f5e976c8f122fed14af958d70d6',
  /** K8's 710724. */
  k8Step: 59870564,
  q3Seed: '9ed78223d460df0e4a21a9b4a40af9bf4dc1b3e5',
  /** Q5's 8-digit sha256 code 91247024 is of this 60 s step; Q4's 6-digit sha1 153786 of the 30 s step 2×this. */
  q5Step60: 29935282,
} as const;

/** A moment `seconds` into TOTP time step `step` (30 s steps). */
export function inStep(step: number, seconds = 5): number {
  return step * 30_000 + seconds * 1000;
}
