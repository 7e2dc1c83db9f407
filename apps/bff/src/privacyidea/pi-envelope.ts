/** privacyIDEA's JSON envelope, as recorded (see the fixtures). Only the fields the BFF reads are typed. */
export interface PiEnvelope<Value = unknown, Detail = unknown> {
  id: number;
  jsonrpc: string;
  result: { status: true; value: Value; authentication?: 'ACCEPT' | 'REJECT' } | { status: false; error: { code: number; message: string } };
  detail?: Detail | null;
  version?: string;
  versionnumber?: string;
}

export interface PiToken {
  serial: string;
  tokentype: string;
  active: boolean;
  description: string;
  rollout_state: string;
  failcount: number;
  maxfail: number;
  username: string;
  user_realm: string;
  info: Record<string, string>;
}

export interface PiTokenPage {
  count: number;
  current: number;
  next: number | null;
  prev: number | null;
  tokens: PiToken[];
}

export interface PiInitDetail {
  serial: string;
  rollout_state: string;
  otpkey?: { value: string; value_b32?: string };
  googleurl?: { value: string };
  verify?: { message: string };
}

export interface PiValidateDetail {
  message: string;
  serial?: string;
}

export function isPiEnvelope(body: unknown): body is PiEnvelope {
  if (typeof body !== 'object' || body === null) return false;
  const result = (body as { result?: unknown }).result;
  return typeof result === 'object' && result !== null && typeof (result as { status?: unknown }).status === 'boolean';
}
