import { LookupAddress, lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { ApiError } from '../http/api-error';

/**
 * SSRF guard: a webhook may not reach loopback, private, link-local (which holds the cloud metadata
 * address 169.254.169.254), CGNAT, multicast or reserved addresses, at subscription and again at every
 * connection. The delivery agent resolves through `guardedLookup` and connects to the very address it
 * checked, so a name that resolves to a public address when subscribed and to 127.0.0.1 later (DNS
 * rebinding) is refused then. WEBHOOK_ALLOW_PRIVATE_TARGETS=true turns it off (tests, on-premises).
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64]] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv6');
}

/** An IPv4 address carried inside IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d), else null. */
function embeddedV4(ip: string): string | null {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(ip);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2], 16);
  const lo = parseInt(m[3], 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

export function isBlockedAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return BLOCKED.check(ip, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedV4(ip);
  return v4 ? BLOCKED.check(v4, 'ipv4') : BLOCKED.check(ip, 'ipv6');
}

/** Parses a subscription URL: absolute http(s), a host, no credentials; 400 otherwise. */
export function parseWebhookUrl(raw: string, field = 'url'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw ApiError.badRequest('Not a valid absolute URL.', field);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw ApiError.badRequest(`The scheme must be http or https, not "${url.protocol.slice(0, -1)}".`, field);
  if (!url.hostname) throw ApiError.badRequest('The URL has no host.', field);
  if (url.username || url.password) throw ApiError.badRequest('The URL may not carry credentials.', field);
  return url;
}

export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((done, fail) => dnsLookup(host, { all: true, verbatim: true }, (err, addrs) => (err ? fail(err) : done(addrs))));
}

/** At subscription: the URL's host must resolve, and to public addresses only (unless allowed). */
export async function assertPublicTarget(url: URL, allowPrivate: boolean, field = 'url'): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(url);
  let addrs: LookupAddress[];
  try {
    addrs = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolveAll(host);
  } catch {
    throw ApiError.badRequest(`The host "${host}" does not resolve.`, field);
  }
  if (!addrs.length || addrs.some((a) => isBlockedAddress(a.address))) {
    throw ApiError.badRequest('The URL resolves to a loopback, private, link-local or reserved address, which webhooks may not reach.', field);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The agents' `lookup`: resolves once, refuses blocked addresses, and hands the checked ones to connect. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback): void => {
    const opts = typeof options === 'number' ? { family: options } : options;
    dnsLookup(hostname, { family: opts.family ?? 0, all: true }, (err, addrs) => {
      if (err) return callback(err, '');
      const usable = allowPrivate ? addrs : addrs.filter((a) => !isBlockedAddress(a.address));
      if (!usable.length || usable.length !== addrs.length) {
        const refused = Object.assign(new Error(`${hostname} resolves to an address webhooks may not reach`), { code: 'EBLOCKEDTARGET' });
        return callback(refused, '');
      }
      if (opts.all) callback(null, usable);
      else callback(null, usable[0].address, usable[0].family);
    });
  };
}
