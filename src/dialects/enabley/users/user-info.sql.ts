import { isoDate } from '../../../core/http/ids';
import { containsPattern } from './contains-pattern';
import { UserFiltersQuery, UserInfoDto } from './user.dto';

/** One row of the user read query: the core user, its Enabley data and its sub-account names. */
export interface UserInfoRow {
  id: string;
  identifier: string;
  username: string;
  email: string | null;
  first_name: string;
  last_name: string;
  is_active: boolean;
  phone: string | null;
  address: string | null;
  possible_roles: string[] | null;
  custom_attributes: Record<string, unknown> | null;
  sub_accounts: string[];
  created_at: Date;
  modified: Date;
}

/** The UserInfoRow columns over a user `u` and its Enabley row `d` (tables, or CTEs of a write's RETURNING). */
export const USER_INFO_COLUMNS = `u.id, u.identifier, u.username, u.email, u.first_name, u.last_name, u.is_active, u.created_at,
       GREATEST(u.updated_at, d.updated_at) AS modified, d.phone, d.address, d.possible_roles, d.custom_attributes,
       ARRAY(SELECT s.name FROM enabley_user_sub_account us JOIN enabley_sub_account s ON s.id = us.sub_account_id
              WHERE us.user_id = u.id ORDER BY s.name) AS sub_accounts`;

/**
 * SELECT list and FROM of every UserInfo read: one indexed lookup of the user, its Enabley row by
 * primary key and its sub-account names in a correlated array, so a page costs one query.
 */
export const USER_INFO_SELECT = `
SELECT ${USER_INFO_COLUMNS}
  FROM "user" u LEFT JOIN enabley_user_data d ON d.user_id = u.id`;

/** Platform superusers are operators, not tenant users: Enabley never lists or edits them. */
export const USER_SCOPE = 'u.account_id = $1 AND NOT u.is_superuser';

export function toUserInfo(r: UserInfoRow): UserInfoDto {
  return {
    identifier: r.identifier,
    username: r.username,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    isActive: r.is_active,
    phone: r.phone ?? null,
    address: r.address ?? null,
    // A user created outside PUT /api/v2/users (another dialect, a bulk upload) has no Enabley row yet:
    // it reads as what PUT /api/v2/users gives a new user, a LEARNER.
    possibleRoles: r.possible_roles ?? ['LEARNER'],
    customAttributes: r.custom_attributes ?? {},
    userSubAccountNames: r.sub_accounts ?? [],
    created: isoDate(r.created_at)!,
    modified: isoDate(r.modified)!,
  };
}

/**
 * WHERE conditions of the user filters, appended to `params` ($1 is the account id). Substring filters
 * are `lower(col) LIKE '%…%'`, served by the pg_trgm GIN indexes on lower(col).
 */
export function userFilterSql(f: UserFiltersQuery, params: unknown[]): string {
  const where = [USER_SCOPE];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.emailSubstring) where.push(`lower(u.email) LIKE ${add(containsPattern(f.emailSubstring))}`);
  if (f.usernameSubstring) where.push(`lower(u.username) LIKE ${add(containsPattern(f.usernameSubstring))}`);
  if (f.firstNameSubstring) where.push(`lower(u.first_name) LIKE ${add(containsPattern(f.firstNameSubstring))}`);
  if (f.lastNameSubstring) where.push(`lower(u.last_name) LIKE ${add(containsPattern(f.lastNameSubstring))}`);
  if (f.identifier !== undefined) where.push(`u.identifier = ${add(f.identifier)}`);
  if (f.subAccountName !== undefined)
    where.push(
      `EXISTS (SELECT 1 FROM enabley_user_sub_account us JOIN enabley_sub_account s ON s.id = us.sub_account_id
                WHERE us.user_id = u.id AND s.account_id = $1 AND s.name = ${add(f.subAccountName)})`,
    );
  return where.join(' AND ');
}
