import { ASSIGNABLE_COACH_ALIAS } from '../roles/role.dto';
import { optionalId } from '../common/kolibri-ids';
import { FacilityUserQueryDto, ORDER_FIELDS } from './facility-user.dto';

/** The column of each ordering field; the id tie-break makes every order total, so pages never repeat or skip a user. */
const ORDER_COLUMNS: Record<(typeof ORDER_FIELDS)[number], string> = { id: 'u.id', username: 'u.username', full_name: 'u.full_name', date_joined: 'u.created_at' };

/** At most this many search terms: each is one more trigram index probe. */
const MAX_TERMS = 10;

/**
 * DRF SearchFilter's terms: split on whitespace and commas, a quoted phrase kept whole, null characters
 * dropped (rest_framework.filters.search_smart_split).
 */
export function searchTerms(search: string | undefined): string[] {
  if (!search) return [];
  const terms = [...search.replace(/\0/g, '').matchAll(/"([^"]*)"|'([^']*)'|[^\s,]+/g)].map((m) => (m[1] ?? m[2] ?? m[0]).trim()).filter(Boolean);
  return terms.slice(0, MAX_TERMS);
}

/** A LIKE pattern matching `term` anywhere, its own wildcards taken literally. */
const containsPattern = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function userTypeCondition(type: string, add: (v: unknown) => string): string {
  if (type === 'learner') return `NOT EXISTS (SELECT 1 FROM kolibri_role r WHERE r.user_id = u.id)`;
  if (type === 'superuser') return 'u.is_superuser';
  const kind = type === ASSIGNABLE_COACH_ALIAS ? 'assignable_coach' : type;
  return `EXISTS (SELECT 1 FROM kolibri_role r WHERE r.user_id = u.id AND r.kind = ${add(kind)})`;
}

/**
 * The WHERE conditions of Kolibri's FacilityUserViewSet filters (kolibri/core/auth/api.py: FacilityUserFilter,
 * search_fields username and full_name), over `u` ("user") and `fu` (its facility link, null for a user in no
 * facility yet). Values are appended to `params`. `member_of` matches a member of the collection or a user of
 * that facility, as Kolibri's `Q(memberships__collection) | Q(facility)` does; the exclusions keep users in no
 * facility (NULL never equals a collection id).
 */
export function facilityUserConditions(q: FacilityUserQueryDto, params: unknown[]): string[] {
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const isMember = (p: string) => `(fu.facility_id IS NOT DISTINCT FROM ${p}::uuid OR EXISTS (SELECT 1 FROM kolibri_membership m WHERE m.user_id = u.id AND m.collection_id = ${p}::uuid))`;
  const where: string[] = [];
  const facility = optionalId(q.facility, 'facility');
  if (facility) where.push(`fu.facility_id = ${add(facility)}::uuid`);
  const memberOf = optionalId(q.member_of, 'member_of');
  if (memberOf) where.push(isMember(add(memberOf)));
  const excludeMemberOf = optionalId(q.exclude_member_of, 'exclude_member_of');
  if (excludeMemberOf) where.push(`NOT ${isMember(add(excludeMemberOf))}`);
  const excludeCoachFor = optionalId(q.exclude_coach_for, 'exclude_coach_for');
  if (excludeCoachFor) where.push(`NOT EXISTS (SELECT 1 FROM kolibri_role r WHERE r.user_id = u.id AND r.kind = 'coach' AND r.collection_id = ${add(excludeCoachFor)}::uuid)`);
  if (q.user_type) where.push(userTypeCondition(q.user_type, add));
  if (q.exclude_user_type) where.push(`NOT ${userTypeCondition(q.exclude_user_type, add)}`);
  // Every term must match the username or the full name (DRF: AND across terms, OR across fields, icontains),
  // as lower(col) LIKE '%term%': served by the pg_trgm GIN indexes on lower(username) and lower(full_name).
  for (const term of searchTerms(q.search)) {
    const p = add(containsPattern(term));
    where.push(`(lower(u.username) LIKE ${p} ESCAPE '\\' OR lower(u.full_name) LIKE ${p} ESCAPE '\\')`);
  }
  return where;
}

/** ORDER BY of `ordering` (Kolibri default: username), `-` for descending. */
export function facilityUserOrder(ordering: string | undefined): string {
  const desc = ordering?.startsWith('-') ?? false;
  const field = (ordering ?? 'username').replace(/^-/, '');
  const column = ORDER_COLUMNS[ORDER_FIELDS.find((f) => f === field) ?? 'username'];
  const dir = desc ? 'DESC' : 'ASC';
  return column === 'u.id' ? `u.id ${dir}` : `${column} ${dir}, u.id ${dir}`;
}
