import { HttpException } from '@nestjs/common';
import { outageError } from '../database/outage';
import { PG_NOT_NULL_VIOLATION, pgError } from '../database/pg-error';
import { ApiError, ErrorCode } from './api-error';

/** Text PostgreSQL cannot store (a NUL character, an invalid byte sequence): bad input, not a server fault. */
const PG_BAD_TEXT = new Set(['22021', '22P05']);

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID',
  401: 'NOT_AUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'INVALID',
  409: 'UNIQUE',
  413: 'INVALID',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'INTERNAL',
};

/** The throttler's own text ("ThrottlerException: Too Many Requests") names a class, not what to do. */
export const TOO_MANY_REQUESTS = 'Too many requests from this address: wait the Retry-After seconds, then try again.';

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but the content type says JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type: send application/json or application/x-www-form-urlencoded.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
  FST_ERR_BAD_URL: 'The URL is not valid (a malformed percent-encoding).',
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment is too long.',
};

/**
 * Maps anything thrown while handling a request to an ApiError; null means "unexpected":
 * the caller logs it and answers a 500 without details.
 */
export function toApiError(e: unknown): ApiError | null {
  if (e instanceof ApiError) return e;
  if (e instanceof HttpException) {
    const status = e.getStatus();
    if (status >= 500 && status !== 503) return null;
    const res = e.getResponse();
    const raw = typeof res === 'string' ? res : (res as { message?: unknown }).message;
    const message = status === 429 ? TOO_MANY_REQUESTS : Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : e.message;
    return new ApiError(status, [{ code: CODE_BY_STATUS[status] ?? 'INVALID', message }]);
  }
  if (PG_BAD_TEXT.has(pgError(e)?.code ?? '')) return ApiError.badRequest('Text values must not contain NUL characters or invalid UTF-8.');
  const fe = e as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = typeof fe.code === 'string' ? fe.code : '';
    const message = FASTIFY_MESSAGES[code] ?? (typeof fe.message === 'string' ? fe.message : 'Bad request.');
    return new ApiError(fe.statusCode, [{ code: CODE_BY_STATUS[fe.statusCode] ?? 'INVALID', message }]);
  }
  const pg = pgError(e);
  // A null that a DTO let through for a column that cannot be empty is the caller's wrong type, not a crash.
  if (pg?.code === PG_NOT_NULL_VIOLATION) return ApiError.badRequest('This field may not be null.', pg.column);
  return outageError(e); // the database cannot be reached: 503 + Retry-After; anything else: null
}
