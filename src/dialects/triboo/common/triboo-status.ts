import { ApiError } from '../../../core/http/api-error';

/** The seed's per-user status words and their HTTP status for single-user calls (CONTRACT section 5). */
export const STATUS_HTTP = {
  user_created: 201,
  username_already_used: 409,
  email_already_used: 409,
  user_updated: 200,
  user_not_found: 404,
  user_inactive: 409,
  user_deactivated: 200,
  user_already_inactive: 200,
  error: 400,
} as const;

export type TribooStatus = keyof typeof STATUS_HTTP;
export const TRIBOO_STATUSES = Object.keys(STATUS_HTTP) as TribooStatus[];

/** An error answered with the exact Triboo body {"status": word, "detail": text, ...extra}. */
export function statusError(status: TribooStatus, detail: string, extra: Record<string, unknown> = {}): ApiError {
  return ApiError.withBody(STATUS_HTTP[status], { status, detail, ...extra }, detail);
}
