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

export function parseAddressList(entries: readonly string[]): AddressMatcher {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) throw new InvalidCidrError(`"${entry}" is not an IP address or CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const maxBits = family === 4 ? 32 : 128;
    const bits = prefix === undefined ? maxBits : Number(prefix);
    if (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || bits > maxBits)) throw new InvalidCidrError(`"${entry}" has an invalid prefix length`);
    list.addSubnet(address, bits, type);
  }
  return {
    entries: [...entries],
    matches(candidate) {
      if (candidate === undefined || entries.length === 0) return false;
      const address = unmapIPv4(candidate);
      const family = isIP(address);
      if (family === 0) return false;
      return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
