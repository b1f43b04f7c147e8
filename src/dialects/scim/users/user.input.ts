import { Json, get, isObject } from '../common/json';
import { scimError } from '../common/scim-error';
import { ENTERPRISE_URN, USER_URN } from '../common/urns';
import { ScimUserInput } from './user.mapper';

const MAX_TEXT = 2000;
const bad = (detail: string) => scimError(400, 'invalidValue', detail);

/**
 * Core User attributes of RFC 7643 that this server accepts and does not keep (identity providers send them
 * whatever is mapped): each checked for its JSON type, then ignored. Keys compare lower-cased (attribute
 * names are case-insensitive). Anything else is refused, like every dialect's unknown field.
 */
const IGNORED_STRINGS = ['nickname', 'profileurl', 'title', 'usertype', 'preferredlanguage', 'locale', 'timezone'];
const IGNORED_LISTS = ['phonenumbers', 'ims', 'photos', 'addresses', 'entitlements', 'roles', 'x509certificates', 'groups'];
const KNOWN = new Set(['schemas', 'id', 'externalid', 'username', 'name', 'displayname', 'active', 'password', 'emails', 'meta', ENTERPRISE_URN.toLowerCase(), ...IGNORED_STRINGS, ...IGNORED_LISTS]);
const NAME_KEYS = new Set(['givenname', 'familyname', 'formatted', 'middlename', 'honorificprefix', 'honorificsuffix']);
const ENTERPRISE_KEYS = new Set(['employeenumber', 'department', 'organization', 'costcenter', 'division', 'manager']);
const EMAIL_KEYS = new Set(['value', 'type', 'primary', 'display']);

function text(value: unknown, field: string, nullable: true): string | null;
function text(value: unknown, field: string, nullable?: false): string;
function text(value: unknown, field: string, nullable = false): string | null {
  if ((value === undefined || value === null) && nullable) return null;
  if (typeof value !== 'string') throw bad(`${field} must be a string.`);
  if (value.length > MAX_TEXT) throw bad(`${field} is longer than ${MAX_TEXT} characters.`);
  return value;
}

/** Entra ID sends booleans as "True"/"False"; RFC 7643 booleans are JSON booleans. Both are read. */
export function scimBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw bad(`${field} must be true or false.`);
}

function onlyKeys(o: Json, allowed: Set<string>, where: string): void {
  const unknown = Object.keys(o).find((k) => !allowed.has(k.toLowerCase()));
  if (unknown !== undefined) throw bad(`Unknown attribute "${unknown.slice(0, 100)}" in ${where}.`);
}

function checkSchemas(body: Json): void {
  const schemas = get(body, 'schemas');
  if (schemas === undefined) return;
  if (!Array.isArray(schemas) || !schemas.every((s) => typeof s === 'string')) throw scimError(400, 'invalidSyntax', 'schemas must be a list of URNs.');
  const known = [USER_URN, ENTERPRISE_URN].map((s) => s.toLowerCase());
  const other = schemas.find((s: string) => !known.includes(s.toLowerCase()));
  if (other !== undefined) throw scimError(400, 'invalidSyntax', `Unsupported schema "${String(other).slice(0, 200)}": this server serves ${USER_URN} and ${ENTERPRISE_URN}.`);
}

/** The primary email (else the first) of `emails`, with its type. */
function emailOf(emails: unknown): { email: string | null; type: string | null } {
  if (emails === undefined || emails === null) return { email: null, type: null };
  if (!Array.isArray(emails)) throw bad('emails must be a list.');
  if (emails.length > 20) throw bad('emails holds more than 20 addresses.');
  for (const e of emails) {
    if (!isObject(e)) throw bad('Each of emails must be an object.');
    onlyKeys(e, EMAIL_KEYS, 'emails');
    text(get(e, 'value'), 'emails.value');
    text(get(e, 'type'), 'emails.type', true);
    text(get(e, 'display'), 'emails.display', true);
    if (get(e, 'primary') !== undefined) scimBoolean(get(e, 'primary'), 'emails.primary');
  }
  const chosen = (emails as Json[]).find((e) => get(e, 'primary') !== undefined && scimBoolean(get(e, 'primary'), 'emails.primary')) ?? (emails as Json[])[0];
  if (!chosen) return { email: null, type: null };
  const value = (get(chosen, 'value') as string).trim();
  return { email: value || null, type: (get(chosen, 'type') as string | undefined | null) ?? null };
}

/**
 * A full User resource (POST, PUT, or the result of a PATCH) read into the core's fields: what it leaves out is
 * cleared, as a PUT replaces (RFC 7644 section 3.5.1); readOnly attributes (id, meta, groups) are ignored.
 */
export function readUser(body: unknown): ScimUserInput {
  if (!isObject(body)) throw scimError(400, 'invalidSyntax', 'The body must be a User object.');
  onlyKeys(body, KNOWN, 'the User');
  checkSchemas(body);
  for (const k of IGNORED_STRINGS) text(get(body, k), k, true);
  for (const k of IGNORED_LISTS) {
    const v = get(body, k);
    if (v !== undefined && v !== null && !Array.isArray(v)) throw bad(`${k} must be a list.`);
  }
  const meta = get(body, 'meta');
  if (meta !== undefined && meta !== null && !isObject(meta)) throw bad('meta must be an object.');
  const id = get(body, 'id');
  if (id !== undefined && typeof id !== 'string') throw bad('id must be a string.');
  const userName = get(body, 'userName');
  if (userName === undefined || userName === null || userName === '') throw bad('userName is required.');
  const name = get(body, 'name') ?? {};
  if (!isObject(name)) throw bad('name must be an object.');
  onlyKeys(name, NAME_KEYS, 'name');
  for (const k of NAME_KEYS) text(get(name, k), `name.${k}`, true);
  const enterprise = get(body, ENTERPRISE_URN) ?? {};
  if (!isObject(enterprise)) throw bad(`${ENTERPRISE_URN} must be an object.`);
  onlyKeys(enterprise, ENTERPRISE_KEYS, ENTERPRISE_URN);
  for (const k of ['employeeNumber', 'department', 'organization', 'costCenter', 'division']) text(get(enterprise, k), k, true);
  const manager = get(enterprise, 'manager');
  if (manager !== undefined && manager !== null && !isObject(manager) && typeof manager !== 'string') throw bad('manager must be an object.');
  const { email, type } = emailOf(get(body, 'emails'));
  const active = get(body, 'active');
  const password = get(body, 'password');
  const firstName = text(get(name, 'givenName'), 'name.givenName', true) ?? '';
  const lastName = text(get(name, 'familyName'), 'name.familyName', true) ?? '';
  const displayName = text(get(body, 'displayName'), 'displayName', true);
  return {
    username: text(userName, 'userName'),
    firstName,
    lastName,
    fullName: displayName ?? [firstName, lastName].filter(Boolean).join(' '),
    email,
    emailType: email ? type : null,
    isActive: active === undefined || active === null ? true : scimBoolean(active, 'active'),
    ...(password !== undefined && password !== null ? { password: text(password, 'password') } : {}),
    externalId: text(get(body, 'externalId'), 'externalId', true),
    employeeNumber: text(get(enterprise, 'employeeNumber'), 'employeeNumber', true),
    department: text(get(enterprise, 'department'), 'department', true),
    organization: text(get(enterprise, 'organization'), 'organization', true),
  };
}
