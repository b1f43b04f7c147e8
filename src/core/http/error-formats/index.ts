import { ApiError } from '../api-error';
import { ErrorFormat } from './error-format';
import { platformErrorFormat } from './platform.format';

export { ErrorFormat, ErrorSchemaObject, firstMessage } from './error-format';

/**
 * The dialects' formats, each registered by its dialect module when that file is imported: app.factory.ts imports
 * AppModule (and so every dialect) before it builds Fastify, whose frameworkErrors/clientError handlers use them.
 */
const DIALECT_FORMATS: ErrorFormat[] = [];

/** Adds a dialect's format; the returned function takes it out again (for tests). */
export function registerErrorFormat(format: ErrorFormat): () => void {
  const remove = () => {
    const at = DIALECT_FORMATS.indexOf(format);
    if (at >= 0) DIALECT_FORMATS.splice(at, 1);
  };
  if (DIALECT_FORMATS.includes(format)) return remove;
  const clash = errorFormats().find((f) => f.name === format.name || (!!f.schema?.name && f.schema.name === format.schema?.name));
  if (clash) throw new Error(`Error format "${format.name}" clashes with the registered "${clash.name}" (same name or OpenAPI schema name)`);
  DIALECT_FORMATS.push(format);
  return remove;
}

/** The dialects' formats, then the platform format that takes every other path. */
export function errorFormats(): readonly ErrorFormat[] {
  return [...DIALECT_FORMATS, platformErrorFormat];
}

export function errorFormatFor(path: string): ErrorFormat {
  const bare = path.split('?')[0];
  return errorFormats().find((f) => f.matches(bare)) ?? platformErrorFormat;
}

export function errorBody(path: string, error: ApiError): unknown {
  return error.body !== undefined ? error.body : errorFormatFor(path).body(error);
}
