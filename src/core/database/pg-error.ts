/** PostgreSQL error codes the services translate into dialect errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_INVALID_TEXT_REPRESENTATION = '22P02';
export const PG_NOT_NULL_VIOLATION = '23502';

export interface PgErrorInfo {
  code: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

/** The driver error behind a TypeORM QueryFailedError, if any. */
export function pgError(e: unknown): PgErrorInfo | null {
  const err = e as { code?: unknown; driverError?: { code?: unknown; constraint?: string; detail?: string; column?: string }; constraint?: string; detail?: string; column?: string };
  const code = err?.driverError?.code ?? err?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  return { code, constraint: err.driverError?.constraint ?? err.constraint, detail: err.driverError?.detail ?? err.detail, column: err.driverError?.column ?? err.column };
}

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const info = pgError(e);
  return info?.code === PG_UNIQUE_VIOLATION && (!constraint || info.constraint === constraint);
}
