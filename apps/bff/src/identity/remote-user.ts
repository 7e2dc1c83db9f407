import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { AddressMatcher } from '../security/address-matcher.js';

const MAX_USERNAME_LENGTH = 128;
/** Control characters and list separators have no place in a user name; refusing them keeps logs and lookups tidy. */
function isSafeUsername(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || char === ',' || char === ';') return false;
  }
  return true;
}

export interface RemoteUserOptions {
  /** Lower-case header name, e.g. "x-remote-user". */
  header: string;
  trustedProxies: AddressMatcher;
  log: FastifyBaseLogger;
}

/**
 * The user the SSO reverse proxy vouches for, or undefined. The header is believed only when the TCP peer (not
 * X-Forwarded-For, which anybody can write) is one of TRUSTED_PROXIES, and only when it appears exactly once:
 * a proxy that appends instead of replacing would otherwise let the client's own copy through.
 */
export function remoteUserOf(request: FastifyRequest, options: RemoteUserOptions): string | undefined {
  const values = request.raw.headersDistinct[options.header];
  if (values === undefined) return undefined;
  const peer = request.socket.remoteAddress;
  if (!options.trustedProxies.matches(peer)) {
    options.log.warn({ peer, header: options.header, claimedUser: values[0]?.slice(0, MAX_USERNAME_LENGTH) }, 'remote-user header from an untrusted address ignored');
    return undefined;
  }
  const [value, ...more] = values;
  const username = value?.trim() ?? '';
  if (more.length > 0 || username.length === 0 || username.length > MAX_USERNAME_LENGTH || !isSafeUsername(username)) {
    options.log.warn({ peer, header: options.header, count: values.length }, 'malformed remote-user header ignored');
    return undefined;
  }
  return username;
}
