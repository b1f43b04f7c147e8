import { ApiError } from '../../../core/http/api-error';
import { splitList } from '../common/transforms';

export const MAX_LIST_KEYS = 1000;

/** An integer user id from a path or list; anything else is a 400 in the Triboo error shape. */
/** The 400 of a route whose only input is a user_id in the path, with the body parseUserId really answers. */
export const BAD_USER_ID_RESPONSE = { description: 'The user_id is not an integer.', example: { status: 'error', detail: 'user_id: "abc" is not a valid user id.' } };

export function parseUserId(raw: string, field = 'user_id'): number {
  const v = raw.trim().replace(/\/+$/, '');
  if (!/^\d{1,9}$/.test(v)) throw ApiError.badRequest(`"${raw}" is not a valid user id.`, field);
  return Number(v);
}

export function userIdList(raw: string | undefined): number[] {
  const list = splitList(raw).map((v) => parseUserId(v));
  if (!list.length) throw ApiError.required('user_id', 'user_id must list at least one user id.');
  if (list.length > MAX_LIST_KEYS) throw ApiError.badRequest(`At most ${MAX_LIST_KEYS} user ids per call.`, 'user_id');
  return list;
}

export function usernameList(raw: string | undefined, field = 'username'): string[] {
  const list = splitList(raw);
  if (!list.length) throw ApiError.required(field, `${field} must list at least one value.`);
  if (list.length > MAX_LIST_KEYS) throw ApiError.badRequest(`At most ${MAX_LIST_KEYS} values per call.`, field);
  return list;
}
