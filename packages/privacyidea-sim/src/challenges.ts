import { randomInt } from 'node:crypto';
import { fido2Nonce } from './fido2.js';

/** A row of privacyIDEA's challenge table (`models.Challenge`), as far as the FIDO2 flows read it. */
export interface ChallengeRecord {
  transactionId: string;
  /** `""` for a challenge bound to no token (`/validate/initialize`). */
  serial: string;
  /** The nonce as privacyIDEA stores it: base64url of 32 random bytes. */
  challenge: string;
  /** `user_verification=<value>` for authentication challenges, `""` for enrollment ones. */
  data: string;
  validUntilMs: number;
}

/**
 * `DefaultChallengeValidityTime` (120 s) when neither it nor `WebauthnChallengeValidityTime` is configured
 * (`PasskeyTokenClass.get_init_detail`, `lib/fido2/challenge.py` `create_fido2_challenge`).
 */
export const CHALLENGE_VALIDITY_MS = 120_000;

/** A nonce and transaction id a test fixes in advance, so that a recorded browser answer can be replayed. */
export interface PresetChallenge {
  challenge: string;
  transactionId: string;
}

export class ChallengeStore {
  readonly #challenges: ChallengeRecord[] = [];
  readonly #presets: PresetChallenge[] = [];

  /** The next challenges `add` makes use these values (first in, first out) instead of random ones. */
  preset(challenge: PresetChallenge): void {
    this.#presets.push(challenge);
  }

  /**
   * A new FIDO2 challenge: nonce = `get_fido2_nonce()`, and `Challenge.__init__` draws a 20-digit transaction id
   * (`get_rand_digit_str(20)`, recorded W2, W4).
   */
  add(entry: Omit<ChallengeRecord, 'transactionId' | 'challenge'>): ChallengeRecord {
    const preset = this.#presets.shift();
    let transactionId = preset?.transactionId ?? '';
    while (transactionId.length < 20) transactionId += String(randomInt(10));
    const record = { transactionId, challenge: preset?.challenge ?? fido2Nonce(), ...entry };
    this.#challenges.push(record);
    return record;
  }

  withTransactionId(transactionId: string): ChallengeRecord[] {
    return this.#challenges.filter((c) => c.transactionId === transactionId);
  }

  delete(record: ChallengeRecord): void {
    const index = this.#challenges.indexOf(record);
    if (index >= 0) this.#challenges.splice(index, 1);
  }

  clear(): void {
    this.#challenges.length = 0;
  }

  /** `remove_token` deletes the token's challenges with it. */
  deleteForSerial(serial: string): void {
    for (let i = this.#challenges.length - 1; i >= 0; i--) {
      if (this.#challenges[i]?.serial.toUpperCase() === serial.toUpperCase()) this.#challenges.splice(i, 1);
    }
  }
}
