import { usernameKey } from '../../../core/users/username-rules';
import { AttrPath } from '../common/filter-parser';
import { Column } from '../common/filter-sql';
import { ENTERPRISE_URN, USER_URN } from '../common/urns';

/** Filterable User attributes (lower-cased `name` or `name.sub`) and their SQL over USER_SELECT's aliases. */
const CORE: Record<string, Column> = {
  id: { sql: 'u.id', kind: 'uuid' },
  username: { sql: 'u.username', kind: 'ci', key: { sql: 'u.username_key', of: usernameKey } },
  externalid: { sql: 's.external_id', kind: 'exact' },
  displayname: { sql: 'u.full_name', kind: 'ci' },
  'name.givenname': { sql: 'u.first_name', kind: 'ci' },
  'name.familyname': { sql: 'u.last_name', kind: 'ci' },
  'name.formatted': { sql: `btrim(u.first_name || ' ' || u.last_name)`, kind: 'ci' },
  active: { sql: 'u.is_active', kind: 'boolean' },
  emails: { sql: 'u.email', kind: 'ci' },
  'emails.value': { sql: 'u.email', kind: 'ci' },
  'emails.type': { sql: `CASE WHEN u.email IS NULL THEN NULL ELSE COALESCE(s.email_type, 'work') END`, kind: 'ci' },
  'emails.primary': { sql: '(u.email IS NOT NULL)', kind: 'boolean' },
  'meta.created': { sql: 'u.created_at', kind: 'dateTime' },
  'meta.lastmodified': { sql: 'GREATEST(u.updated_at, COALESCE(s.updated_at, u.updated_at))', kind: 'dateTime' },
};

const ENTERPRISE: Record<string, Column> = {
  employeenumber: { sql: 's.employee_number', kind: 'exact' },
  department: { sql: 's.department', kind: 'ci' },
  organization: { sql: 's.organization', kind: 'ci' },
};

/** RFC 7644: attribute names and schema URIs are case-insensitive; an extension attribute may come unqualified. */
export function userColumn(attr: AttrPath): Column | null {
  const key = attr.sub ? `${attr.name}.${attr.sub}`.toLowerCase() : attr.name.toLowerCase();
  const uri = attr.uri?.toLowerCase();
  if (uri === ENTERPRISE_URN.toLowerCase()) return ENTERPRISE[key] ?? null;
  if (uri && uri !== USER_URN.toLowerCase()) return null;
  return CORE[key] ?? (uri ? null : (ENTERPRISE[key] ?? null));
}
