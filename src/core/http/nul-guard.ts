import { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { sendError } from './all-exceptions.filter';
import { ApiError } from './api-error';

/** Where a NUL character hides in a parsed value (a key or a string), as a dotted field name; null if none. */
function nulField(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object' || depth > 64) return null;
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return field;
    const found = nulField(inner, field, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000, so a NUL in a path, query or body value would fail in the
 * database as a 500. No dialect has a use for it: answer 400 in the dialect's body before any handler runs.
 */
export function rejectNulCharacters(fastify: FastifyInstance): void {
  // Callback style: on every request, a promise and its microtask less than an async hook.
  fastify.addHook('preValidation', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const field = nulField(request.params, '') ?? nulField(request.query, '') ?? nulField(request.body, '');
    if (field === null) return done();
    // Answered here: without done(), no handler runs.
    sendError(request, reply, ApiError.badRequest('Text may not contain the NUL character (U+0000).', field || undefined));
  });
}
