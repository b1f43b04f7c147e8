import { ENTERPRISE_URN, USER_URN } from '../common/urns';

/** One user as the repository reads it: the core user joined with its scim_user row (absent for users made elsewhere). */
export interface ScimUserRow {
  id: string;
  username: string;
  email: string | null;
  first_name: string;
  last_name: string;
  full_name: string;
  is_active: boolean;
  created_at: Date;
  last_modified: Date;
  external_id: string | null;
  email_type: string | null;
  employee_number: string | null;
  department: string | null;
  organization: string | null;
}

/** What a SCIM body sets, in the core's and scim_user's terms (users.input.ts reads it). */
export interface ScimUserInput {
  username: string;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string | null;
  emailType: string | null;
  isActive: boolean;
  password?: string;
  externalId: string | null;
  employeeNumber: string | null;
  department: string | null;
  organization: string | null;
}

export const userLocation = (base: string, id: string) => `${base}/scim/v2/Users/${id}`;

/** The mapping table of README.md, in code: core user + scim_user -> urn:...:core:2.0:User (+ enterprise). */
export function toScimUser(r: ScimUserRow, base: string): Record<string, unknown> {
  const enterprise = Object.fromEntries(
    (
      [
        ['employeeNumber', r.employee_number],
        ['department', r.department],
        ['organization', r.organization],
      ] as const
    ).filter(([, v]) => v !== null),
  );
  const hasEnterprise = Object.keys(enterprise).length > 0;
  return {
    schemas: hasEnterprise ? [USER_URN, ENTERPRISE_URN] : [USER_URN],
    id: r.id,
    ...(r.external_id !== null ? { externalId: r.external_id } : {}),
    userName: r.username,
    name: { givenName: r.first_name, familyName: r.last_name, formatted: [r.first_name, r.last_name].filter(Boolean).join(' ') },
    displayName: r.full_name,
    ...(r.email ? { emails: [{ value: r.email, type: r.email_type ?? 'work', primary: true }] } : {}),
    active: r.is_active,
    ...(hasEnterprise ? { [ENTERPRISE_URN]: enterprise } : {}),
    meta: { resourceType: 'User', created: r.created_at.toISOString(), lastModified: r.last_modified.toISOString(), location: userLocation(base, r.id) },
  };
}

/** The SELECT list and FROM of every user read; callers add the WHERE (the account is always $1). */
export const USER_SELECT = `
  SELECT u.id, u.username, u.email, u.first_name, u.last_name, u.full_name, u.is_active, u.created_at,
         GREATEST(u.updated_at, COALESCE(s.updated_at, u.updated_at)) AS last_modified,
         s.external_id, s.email_type, s.employee_number, s.department, s.organization
    FROM "user" u LEFT JOIN scim_user s ON s.user_id = u.id`;
