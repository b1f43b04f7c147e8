import { ApiError } from '../api-error';

/** How one dialect writes an error body; chosen by the request path. */
export interface ErrorFormat {
  readonly name: string;
  matches(path: string): boolean;
  body(error: ApiError): unknown;
}

export function firstMessage(error: ApiError): string {
  return error.issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join(' ') || `HTTP ${error.status}`;
}
