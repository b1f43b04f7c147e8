import { ApiError } from '../http/api-error';
import { databaseState } from './outage-state';

/** Seconds a client is asked to wait while the database is unreachable. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
/** SQLSTATEs that mean "no working connection", not "this statement is wrong". */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
  /^Client was closed and is not queryable/,
  /^Query read timeout/,
  /connect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)/,
];

/**
 * Whether an error means the database cannot be reached (refused, reset, timed out, shutting down,
 * out of connection slots) rather than that a query failed. Looks through TypeORM's driverError,
 * `cause` chains and AggregateError (pg tries every address of a host).
 */
export function isDatabaseOutage(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  if (e instanceof ApiError) return false;
  const err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (typeof err.message === 'string' && MESSAGES.some((m) => m.test(err.message as string))) return true;
  if (Array.isArray(err.errors) && err.errors.some((x) => isDatabaseOutage(x, depth + 1))) return true;
  return isDatabaseOutage(err.driverError, depth + 1) || isDatabaseOutage(err.cause, depth + 1);
}

/** The answer to every call while the database is unreachable: 503 with Retry-After, in the dialect's body. */
export function databaseUnavailable(): ApiError {
  return new ApiError(
    503,
    [{ code: 'INTERNAL', message: `The service is temporarily unavailable (its database cannot be reached); retry in ${OUTAGE_RETRY_AFTER_SECONDS} seconds.` }],
    undefined,
    { 'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS) },
  );
}

/** The 503 for an outage error (noting the outage once), or null for any other error. */
export function outageError(e: unknown): ApiError | null {
  if (!isDatabaseOutage(e)) return null;
  databaseState.unreachable(e);
  return databaseUnavailable();
}
