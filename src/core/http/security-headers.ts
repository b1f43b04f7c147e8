import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Headers every answer carries, JSON or not (also the raw answers of client-error.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // JSON needs nothing: no script, no style, no frame, no form.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/**
 * Swagger UI (/docs) loads its own script and style files and fetches /docs-json from this origin.
 * Its stylesheet sets inline styles (style attributes), and the SVG icons are data: URLs.
 */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const SECURITY_HEADER_NAMES = Object.keys(SECURITY_HEADERS);

const isDocs = (url: string) => /^\/docs(?:[/?#-]|$)/.test(url);

/** One onSend hook: every reply, errors and 404s included, carries the headers above. */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  // Callback style: on every answer, a promise and its microtask less than an async hook.
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, payload?: unknown) => void) => {
    for (const name of SECURITY_HEADER_NAMES) if (!reply.hasHeader(name)) reply.header(name, SECURITY_HEADERS[name]);
    if (isDocs(request.url)) reply.header('Content-Security-Policy', DOCS_CSP);
    done(null, payload);
  });
}
