import { FastifyRequest } from 'fastify';

/** A plain `host[:port]`: a DNS name or an IPv4/bracketed IPv6 address, no userinfo, path or query. */
const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The absolute base (scheme://host[:port], no trailing slash) for links in answers: PUBLIC_URL when
 * set; else the request's own scheme and Host when the Host is a plain host[:port]; else '' (the
 * caller writes a relative link). With TRUST_PROXY on, Fastify takes the scheme and host from
 * X-Forwarded-Proto/-Host, which go through the same check. A Host such as `x@attacker.example` or
 * `attacker.example/path` therefore never ends up in a link.
 */
export function publicBaseUrl(req: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const protocol = req.protocol;
  const host = req.host;
  if ((protocol !== 'http' && protocol !== 'https') || typeof host !== 'string' || !PLAIN_HOST.test(host)) return '';
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port !== undefined && Number(port) > 65535) return '';
  return `${protocol}://${host.toLowerCase()}`;
}
