import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A FIDO2 authenticator in software, for tests and demos: ES256 keys from node:crypto, `none` attestation,
 * authenticatorData and attestationObject built byte by byte as WebAuthn §6.1/§6.5 lay them out. It speaks the
 * standard JSON forms (`PublicKeyCredentialCreationOptionsJSON` in, `RegistrationResponseJSON` out, base64url
 * everywhere), like `navigator.credentials.create/get` behind `PublicKeyCredential.parseCreationOptionsFromJSON` and
 * `toJSON()`. Nothing here checks anything: that is the relying party's job.
 */

export interface CreationOptionsJSON {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: { id: string; type: string }[];
}

export interface RequestOptionsJSON {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string; type: string }[];
}

export interface RegistrationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  authenticatorAttachment: 'platform' | 'cross-platform';
  response: { attestationObject: string; clientDataJSON: string; transports: string[] };
  clientExtensionResults: { credProps?: { rk: boolean } };
}

export interface AuthenticationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  authenticatorAttachment: 'platform' | 'cross-platform';
  response: { authenticatorData: string; clientDataJSON: string; signature: string; userHandle: string };
  clientExtensionResults: Record<string, never>;
}

interface StoredCredential {
  id: Buffer;
  privateKey: KeyObject;
  rpId: string;
  userHandle: Buffer;
  signCount: number;
}

/** What the browser puts into clientDataJSON besides type/challenge/origin; override to forge a ceremony. */
export interface CeremonyOverrides {
  origin?: string;
  type?: string;
  /** base64url challenge to write instead of the one in the options. */
  challenge?: string;
  /** rp id whose hash goes into authenticatorData (default: the options' rp id). */
  rpIdForHash?: string;
  userPresent?: boolean;
}

const AAGUID = Buffer.from('01020304050607080102030405060708', 'hex'); // the recorded virtual authenticator's (W3a)

export class SoftwareAuthenticator {
  readonly #credentials: StoredCredential[] = [];

  constructor(private readonly options: { userVerified?: boolean } = {}) {}

  /** `navigator.credentials.create({publicKey})`; the rp id defaults to the origin's host, as a browser does. */
  create(options: CreationOptionsJSON, origin: string, overrides: CeremonyOverrides = {}): RegistrationResponseJSON {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    const excluded = new Set((options.excludeCredentials ?? []).map((c) => c.id));
    if (this.#credentials.some((c) => c.rpId === rpId && excluded.has(c.id.toString('base64url')))) {
      throw new Error('InvalidStateError: the authenticator already holds an excluded credential');
    }
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const credential: StoredCredential = {
      id: randomBytes(32),
      privateKey,
      rpId,
      userHandle: Buffer.from(options.user.id, 'base64url'),
      signCount: 1,
    };
    const coseKey = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x ?? '', 'base64url')],
      [-3, Buffer.from(jwk.y ?? '', 'base64url')],
    ]);
    const attested = Buffer.concat([AAGUID, uint16(credential.id.length), credential.id, Buffer.from(isoCBOR.encode(coseKey))]);
    const authData = authenticatorData(overrides.rpIdForHash ?? rpId, this.flags(overrides) | 0x40, credential.signCount, attested);
    const clientDataJSON = clientData(overrides.type ?? 'webauthn.create', overrides.challenge ?? options.challenge, overrides.origin ?? origin);
    const attestationObject = isoCBOR.encode(new Map<string, string | Map<string, never> | Uint8Array>([
      ['fmt', 'none'],
      ['attStmt', new Map<string, never>()],
      ['authData', authData],
    ]));
    this.#credentials.push(credential);
    const id = credential.id.toString('base64url');
    return {
      id,
      rawId: id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: { attestationObject: Buffer.from(attestationObject).toString('base64url'), clientDataJSON, transports: ['internal'] },
      clientExtensionResults: { credProps: { rk: true } },
    };
  }

  /** `navigator.credentials.get({publicKey})`: a discoverable credential for the rp id, or one of allowCredentials. */
  get(options: RequestOptionsJSON, origin: string, overrides: CeremonyOverrides = {}): AuthenticationResponseJSON {
    const rpId = options.rpId ?? new URL(origin).hostname;
    const allowed = new Set((options.allowCredentials ?? []).map((c) => c.id));
    const credential = [...this.#credentials]
      .reverse()
      .find((c) => c.rpId === rpId && (allowed.size === 0 || allowed.has(c.id.toString('base64url'))));
    if (credential === undefined) throw new Error(`NotAllowedError: no credential for ${rpId}`);
    credential.signCount += 1;
    const authData = authenticatorData(overrides.rpIdForHash ?? rpId, this.flags(overrides), credential.signCount);
    const clientDataJSON = clientData(overrides.type ?? 'webauthn.get', overrides.challenge ?? options.challenge, overrides.origin ?? origin);
    const signed = Buffer.concat([authData, createHash('sha256').update(Buffer.from(clientDataJSON, 'base64url')).digest()]);
    const signature = sign('sha256', signed, credential.privateKey); // DER, as WebAuthn ES256 signatures are
    const id = credential.id.toString('base64url');
    return {
      id,
      rawId: id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        authenticatorData: authData.toString('base64url'),
        clientDataJSON,
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle.toString('base64url'),
      },
      clientExtensionResults: {},
    };
  }

  /** Forgets every credential (a lost or reset key). */
  reset(): void {
    this.#credentials.length = 0;
  }

  private flags(overrides: CeremonyOverrides): number {
    const up = overrides.userPresent ?? true ? 0x01 : 0;
    const uv = this.options.userVerified ?? true ? 0x04 : 0;
    return up | uv;
  }
}

function authenticatorData(rpId: string, flags: number, signCount: number, attested?: Buffer): Buffer {
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(signCount);
  return Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([flags]), counter, attested ?? Buffer.alloc(0)]);
}

function clientData(type: string, challenge: string, origin: string): string {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false })).toString('base64url');
}

function uint16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}
