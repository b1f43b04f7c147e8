import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiError } from './api-error';
import { DEFAULT_BODY_LIMIT } from './body-limits';
import { parseJsonBody } from './json-body-parser';

/**
 * A JSON media type of one dialect (SCIM's application/scim+json, RFC 7644 section 3.1): accepted as a request
 * body on that dialect's paths, parsed exactly like application/json, and written as the Content-Type of its
 * JSON answers. Registered by the dialect module when imported, like its error format.
 */
export interface JsonMediaType {
  readonly type: string;
  matches(path: string): boolean;
}

const TYPES: JsonMediaType[] = [];

export function registerJsonMediaType(type: JsonMediaType): void {
  if (!TYPES.some((t) => t.type === type.type)) TYPES.push(type);
}

/** The registered type for a path, if any (what its answers are written as). */
export function jsonMediaTypeFor(path: string): JsonMediaType | undefined {
  const bare = path.split('?')[0];
  return TYPES.find((t) => t.matches(bare));
}

/** Adds each registered type's body parser (with the default body limit; routes' own limits still win) and its answers' Content-Type. */
export function applyJsonMediaTypes(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = parseJsonBody(app);
  for (const t of TYPES) {
    app.useBodyParser(t.type, { bodyLimit: DEFAULT_BODY_LIMIT }, (req, body, done) => {
      if (jsonMediaTypeFor(req.url ?? '') !== t) {
        return done(new ApiError(415, [{ code: 'UNSUPPORTED_MEDIA_TYPE', message: `${t.type} is not accepted here: send application/json.` }]), undefined);
      }
      return parse(req, body, done);
    });
  }
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const t = TYPES.length ? jsonMediaTypeFor(request.url) : undefined;
    const current = reply.getHeader('content-type');
    if (t && typeof current === 'string' && current.startsWith('application/json')) reply.header('content-type', `${t.type}; charset=utf-8`);
    done(null, payload);
  });
}
