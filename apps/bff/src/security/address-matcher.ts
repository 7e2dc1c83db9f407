import { BlockList, isIP } from 'node:net';

/** A set of networks (CIDRs or single addresses) that TCP peer addresses are checked against. */
export interface AddressMatcher {
  readonly entries: readonly string[];
  matches(address: string | undefined): boolean;
}

/** Thrown for an entry that is not an IP address or CIDR; load-config turns it into a message naming the variable. */
export class InvalidCidrError extends Error {
  override name = 'InvalidCidrError';
}

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** `::ffff:10.1.2.3` (how a dual-stack socket reports an IPv4 peer) is the IPv4 address it wraps. */
export function unmapIPv4(address: string): string {
  return MAPPED_IPV4.exec(address)?.[1] ?? address;
}

/**
 * IPv4 and IPv6 entries are kept apart: Node's BlockList matches an IPv4 address against IPv6 subnets as if it
 * were IPv4-mapped, so `::/0` would have trusted every IPv4 peer. An IPv6 entry covers IPv4 peers only when it
 * is written as an IPv4-mapped address (`::ffff:10.0.0.0/104` is `10.0.0.0/8`).
 */
export function parseAddressList(entries: readonly string[]): AddressMatcher {
  const ipv4 = new BlockList();
  const ipv6 = new BlockList();
  for (const entry of entries) {
    const [written = '', prefix, extra] = entry.split('/');
    const mapped = MAPPED_IPV4.exec(written)?.[1];
    const address = mapped ?? written;
    const family = isIP(address);
    if (family === 0 || extra !== undefined) throw new InvalidCidrError(`"${entry}" is not an IP address or CIDR`);
    const maxBits = mapped !== undefined ? 128 : family === 4 ? 32 : 128;
    const bits = prefix === undefined ? maxBits : Number(prefix);
    if (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || bits > maxBits)) throw new InvalidCidrError(`"${entry}" has an invalid prefix length`);
    if (mapped !== undefined) {
      if (bits < 96) throw new InvalidCidrError(`"${entry}" reaches beyond the IPv4-mapped range (::ffff:0:0/96); write IPv4 and IPv6 networks separately`);
      ipv4.addSubnet(address, bits - 96, 'ipv4');
    } else if (family === 4) {
      ipv4.addSubnet(address, bits, 'ipv4');
    } else {
      ipv6.addSubnet(address, bits, 'ipv6');
    }
  }
  return {
    entries: [...entries],
    matches(candidate) {
      if (candidate === undefined || entries.length === 0) return false;
      const address = unmapIPv4(candidate);
      const family = isIP(address);
      if (family === 4) return ipv4.check(address, 'ipv4');
      return family === 6 && ipv6.check(address, 'ipv6');
    },
  };
}
