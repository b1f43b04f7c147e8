import { get, isObject } from '../common/json';
import { scimError } from '../common/scim-error';
import { GROUP_URN } from '../common/urns';

const MAX_TEXT = 2000;
/** The most members one body or operation may name (a provider pushes large groups in pages of operations). */
export const MAX_MEMBERS = 10000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const bad = (detail: string) => scimError(400, 'invalidValue', detail);

const KNOWN = new Set(['schemas', 'id', 'externalid', 'displayname', 'members', 'meta']);
const MEMBER_KEYS = new Set(['value', 'display', 'type', '$ref']);

/** What a POST or PUT body sets: the group's name, its identifier (null: none sent) and its members' user ids. */
export interface ScimGroupInput {
  name: string;
  identifier: string | null;
  members: string[];
}

export function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad(`${field} must be a non-empty string.`);
  if (value.length > MAX_TEXT) throw bad(`${field} is longer than ${MAX_TEXT} characters.`);
  return value;
}

/** A list of members `[{value: user id, display?, type?, $ref?}]` (or one member) as lower-cased user ids. */
export function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_MEMBERS) throw scimError(400, 'tooMany', `At most ${MAX_MEMBERS} members per operation.`);
  return list.map((m) => {
    if (!isObject(m)) throw bad('A member must be an object {value: user id}.');
    const unknown = Object.keys(m).find((k) => !MEMBER_KEYS.has(k.toLowerCase()));
    if (unknown !== undefined) throw bad(`Unknown attribute "${unknown.slice(0, 100)}" in a member.`);
    const type = get(m, 'type');
    if (type !== undefined && (typeof type !== 'string' || type.toLowerCase() !== 'user')) throw bad('Members are users (type "User"); groups in groups are not supported.');
    const id = get(m, 'value');
    if (typeof id !== 'string' || !UUID.test(id)) throw bad(`A member's value must be a user id (UUID), not ${JSON.stringify(id)?.slice(0, 100)}.`);
    return id.toLowerCase();
  });
}

/** A Group body (RFC 7643 section 4.2): displayName required, externalId optional, members optional. */
export function readGroup(body: unknown): ScimGroupInput {
  if (!isObject(body)) throw scimError(400, 'invalidSyntax', 'The body must be a Group object.');
  const unknown = Object.keys(body).find((k) => !KNOWN.has(k.toLowerCase()));
  if (unknown !== undefined) throw bad(`Unknown attribute "${unknown.slice(0, 100)}" in the Group.`);
  const schemas = get(body, 'schemas');
  if (schemas !== undefined && (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === GROUP_URN.toLowerCase()))) {
    throw scimError(400, 'invalidSyntax', `schemas must be ["${GROUP_URN}"].`);
  }
  const externalId = get(body, 'externalId');
  const members = get(body, 'members');
  return {
    name: text(get(body, 'displayName'), 'displayName'),
    identifier: externalId === undefined || externalId === null ? null : text(externalId, 'externalId'),
    members: members === undefined || members === null ? [] : memberIds(members),
  };
}

