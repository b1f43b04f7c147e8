import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiError, capMessage } from '../api-error';

export type ErrorSchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/** How one dialect writes an error body; chosen by the request path. */
export interface ErrorFormat {
  readonly name: string;
  matches(path: string): boolean;
  body(error: ApiError): unknown;
  /** The same body as an OpenAPI component (CONTRACT section 5): its name in the document and its schema. */
  readonly schema: { readonly name: string; readonly schema: ErrorSchemaObject };
  /** The media type its bodies are documented under; application/json unless the dialect writes its own (SCIM). */
  readonly contentType?: string;
}

export function firstMessage(error: ApiError): string {
  return capMessage(error.issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join(' ') || `HTTP ${error.status}`);
}
