import type { OpenAPIObject } from '@nestjs/swagger';
import type { SpecOperation } from './standard-responses';

/**
 * Swagger UI shows tags in the document's order: the four dialects in the order of their seed documents
 * (/work/shared/seeds 000-003), each dialect's tags in its seed's section order, platform routes last.
 * A tag not listed (a new controller) still shows, after its dialect's listed tags.
 */
const DIALECTS: { prefix: string; about: string; tags: string[] }[] = [
  {
    prefix: 'Kolibri',
    about: 'Kolibri auth API (`/api/auth/`). Auth: `Authorization: Bearer <token>` (OAuth2 client credentials or `POST /api/auth/session`). Errors: Kolibri\'s list `[{"id", "metadata": {"field", "message"}}]`.',
    tags: ['Facilities', 'Facility datasets', 'Classrooms', 'Learner groups', 'Memberships', 'Roles', 'Facility users', 'Session'],
  },
  {
    prefix: 'Organizations',
    about: 'Organizations API (`/organizations`, literal colon paths such as `/organization:members`). Auth: `Authorization: Bearer <token>`. Errors: `{"error", "message"}`.',
    tags: ['Organizations', 'Members', 'User organizations', 'Departments'],
  },
  {
    prefix: 'Enabley',
    about: 'Enabley API v1-v4 (`/api/v1/` ... `/api/v4/`). Auth: `Authorization: Bearer <token>` from `POST /api/v1/token` or OAuth2. Errors: `{"error", "error_description"}`.',
    tags: ['Authorization', 'Catalog', 'Certificates', 'Channels', 'Groups', 'Performance', 'Uploads', 'UserProfiles', 'Users'],
  },
  {
    prefix: 'Triboo',
    about: 'Triboo API, Open edX based (`/api/extended/v1/`, `/oauth2/`). Auth: `Authorization: Bearer <token>` or `JWT <token>` from `POST /oauth2/access_token`. Errors: `{"status", "detail"}`; the token routes answer RFC 6749 `{"error", "error_description"}`.',
    tags: ['OAuth2', 'Users', 'Courses', 'Progress reports', 'Bulk enroll', 'Enrollment'],
  },
  {
    prefix: 'SCIM',
    about: 'SCIM 2.0 (RFC 7643, RFC 7644, `/scim/v2/`) for identity providers. Auth: `Authorization: Bearer <SCIM token>` (`/api/platform/v1/scim-tokens`) or the account\'s API client token. Errors: `{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status", "scimType", "detail"}` as `application/scim+json`.',
    tags: [],
  },
  {
    prefix: 'Platform',
    about: 'The server itself: health checks; for the platform superuser, accounts and API clients; for an account, its webhooks and SCIM tokens. Errors: `{"error", "message"}`.',
    tags: [],
  },
];

function placeOf(tag: string): [number, number, string] {
  const at = DIALECTS.findIndex((d) => tag === d.prefix || tag.startsWith(`${d.prefix}:`) || tag.startsWith(`${d.prefix} `));
  if (at < 0) return [DIALECTS.length, 0, tag];
  const own = tag.slice(DIALECTS[at].prefix.length).replace(/^[: ]+/, '');
  const inSeed = DIALECTS[at].tags.indexOf(own);
  return [at, inSeed < 0 ? DIALECTS[at].tags.length : inSeed, tag];
}

function describe(tag: string): string {
  const dialect = DIALECTS[placeOf(tag)[0]];
  return dialect ? dialect.about : `${tag} operations.`;
}

/** Every tag the operations use, in seed order, each with its dialect's one line. */
export function orderedTags(doc: OpenAPIObject): { name: string; description: string }[] {
  const used = new Set<string>();
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item as Record<string, SpecOperation>)) for (const t of op?.tags ?? []) used.add(t);
  }
  const compare = (a: string, b: string) => {
    const [x, y] = [placeOf(a), placeOf(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
  };
  return [...used].sort(compare).map((name) => ({ name, description: describe(name) }));
}
