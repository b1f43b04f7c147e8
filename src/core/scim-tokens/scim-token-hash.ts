import { createHash, randomBytes } from 'node:crypto';

/** What a SCIM token looks like: never a JWT (three dot-separated segments), so the two cannot be confused. */
export const SCIM_TOKEN_PREFIX = 'scim_';
const SCIM_TOKEN = /^scim_[A-Za-z0-9_-]{43}$/;

/** The only paths a SCIM token opens. */
export const SCIM_TOKEN_PATH = '/scim/v2/';

export function newScimToken(): string {
  return SCIM_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashScimToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The SCIM token of `Authorization: Bearer scim_…` on a /scim/v2 path, else null (the JWT check then runs). */
export function scimTokenOf(req: { url?: string; headers: Record<string, unknown> }): string | null {
  if (!req.url?.startsWith(SCIM_TOKEN_PATH)) return null;
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^bearer (\S+)$/i.exec(header);
  return match && SCIM_TOKEN.test(match[1]) ? match[1] : null;
}
