import { BlockList, isIP } from 'node:net';

/**
 * Ranges a feed may never make newsdesk connect to: loopback, private (RFC 1918, unique local), link-local (cloud
 * metadata at 169.254.169.254), carrier-grade NAT, documentation, benchmarking, multicast and reserved.
 * Sources: IANA IPv4/IPv6 special-purpose address registries.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu;

/**
 * True when `ip` is a public unicast address newsdesk may fetch from. IPv4-mapped IPv6 is judged as its IPv4.
 * Anything that is not an IP address is not public.
 * @example isPublicAddress('93.184.216.34') // => true
 * @example isPublicAddress('::ffff:127.0.0.1') // => false
 */
export function isPublicAddress(ip: string): boolean {
  const mapped = MAPPED_V4.exec(ip)?.[1];
  if (mapped !== undefined) return isPublicAddress(mapped);
  const family = isIP(ip);
  if (family === 0) return false;
  return !NON_PUBLIC.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}
