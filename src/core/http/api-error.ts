/**
 * What went wrong, independent of any dialect. Each dialect's error format (<name>.error-format.ts, registered in error-formats/)
 * turns these into its own body, so services throw ApiError and never build wire errors.
 */
export type ErrorCode =
  | 'REQUIRED'
  | 'INVALID'
  | 'INVALID_CHOICE'
  | 'UNIQUE'
  | 'NOT_FOUND'
  /** An item the request refers to (in its body or query, not the path's own object) does not exist. */
  | 'ITEM_NOT_EXISTS'
  | 'PERMISSION_DENIED'
  | 'NOT_AUTHENTICATED'
  /** A token request's client credentials are unknown, revoked or wrong. */
  | 'INVALID_CLIENT'
  | 'UNSUPPORTED_GRANT_TYPE'
  /** A token request asks for a scope the server does not grant (RFC 6749 section 5.2). */
  | 'INVALID_SCOPE'
  | 'RATE_LIMITED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL';

export interface ErrorIssue {
  code: ErrorCode;
  message: string;
  field?: string;
}

/** Every error body documents its messages as at most this long; an echoed input must not break that. */
export const MAX_ERROR_MESSAGE = 2000;

export const capMessage = (text: string): string => (text.length <= MAX_ERROR_MESSAGE ? text : `${text.slice(0, MAX_ERROR_MESSAGE - 1)}…`);

export class ApiError extends Error {
  readonly issues: ErrorIssue[];

  constructor(
    readonly status: number,
    issues: ErrorIssue[],
    /** A dialect that must answer an exact body (e.g. a Triboo status word) sets it here. */
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ') || `HTTP ${status}`);
    this.issues = issues.map((i) => (i.message.length > MAX_ERROR_MESSAGE ? { ...i, message: capMessage(i.message) } : i));
  }

  static badRequest(message: string, field?: string, code: ErrorCode = 'INVALID'): ApiError {
    return new ApiError(400, [{ code, message, field }]);
  }

  static required(field: string, message = 'This field is required.'): ApiError {
    return new ApiError(400, [{ code: 'REQUIRED', message, field }]);
  }

  static invalidChoice(field: string, allowed: readonly string[], got?: unknown): ApiError {
    const shown = got === undefined ? '' : `"${String(got)}" is not a valid choice. `;
    return new ApiError(400, [{ code: 'INVALID_CHOICE', field, message: `${shown}Allowed values: ${allowed.join(', ')}.` }]);
  }

  static notFound(message = 'Not found.'): ApiError {
    return new ApiError(404, [{ code: 'NOT_FOUND', message }]);
  }

  /** A referenced item is missing; 404 unless the dialect's seed answers another status. */
  static itemNotExists(message: string, status = 404): ApiError {
    return new ApiError(status, [{ code: 'ITEM_NOT_EXISTS', message }]);
  }

  static conflict(message: string, field?: string, status = 409): ApiError {
    return new ApiError(status, [{ code: 'UNIQUE', message, field }]);
  }

  static unauthenticated(message = 'Authentication credentials were not provided or are invalid.'): ApiError {
    return new ApiError(401, [{ code: 'NOT_AUTHENTICATED', message }]);
  }

  static forbidden(message = 'You do not have permission to perform this action.'): ApiError {
    return new ApiError(403, [{ code: 'PERMISSION_DENIED', message }]);
  }

  /** An exact body for the dialect that asked for it. */
  static withBody(status: number, body: unknown, message = `HTTP ${status}`): ApiError {
    return new ApiError(status, [{ code: status >= 500 ? 'INTERNAL' : 'INVALID', message }], body);
  }
}
