// Apart from the conversions, so the first download carries only this check.

/** Whether this browser can register and use a security key or passkey at all. */
export function isWebAuthnSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.PublicKeyCredential === 'function' &&
    typeof navigator.credentials?.create === 'function' &&
    typeof navigator.credentials.get === 'function'
  );
}
