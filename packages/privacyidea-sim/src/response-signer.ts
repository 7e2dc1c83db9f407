import { constants, generateKeyPair, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * privacyIDEA signs every response: `"rsa_sha256_pss:" + hex(RSA-PSS-SHA256(json.dumps(body, sort_keys=True)))`.
 * The simulator does the same with its own 2048-bit key (hence 512 hex digits, as recorded), so clients that check
 * the format see the real thing. Clients cannot verify it without the key, exactly as against a real server.
 */
export interface ResponseSigner {
  sign(text: string): string;
  /** PEM, for a test that wants to verify signatures. */
  readonly publicKeyPem: string;
}

let sharedSigner: Promise<ResponseSigner> | undefined;

/** One key per process: generating RSA keys is slow and every simulator in a test run can share it. */
export function sharedResponseSigner(): Promise<ResponseSigner> {
  sharedSigner ??= createResponseSigner();
  return sharedSigner;
}

async function createResponseSigner(): Promise<ResponseSigner> {
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return signerFor(privateKey, publicKey);
}

function signerFor(privateKey: KeyObject, publicKey: KeyObject): ResponseSigner {
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign(text: string): string {
      const signature = sign('sha256', Buffer.from(text, 'utf8'), {
        key: privateKey,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_MAX_SIGN,
      });
      return `rsa_sha256_pss:${signature.toString('hex')}`;
    },
  };
}
