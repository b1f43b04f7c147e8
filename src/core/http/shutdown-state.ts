import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './all-exceptions.filter';
import { ApiError } from './api-error';

/** Seconds a client is told to wait before trying again (another instance, or this one restarted). */
const RETRY_AFTER_SECONDS = 5;

const closing = new WeakSet<FastifyInstance>();

/**
 * From now on, new requests on this server answer 503 (dialect body, `Retry-After`, `Connection: close`)
 * while the requests already running finish. Called by the shutdown code before it drains, and by
 * Fastify's preClose hook in any case; idempotent.
 */
export function markClosing(fastify: FastifyInstance): void {
  closing.add(fastify);
}

export function isClosing(fastify: FastifyInstance): boolean {
  return closing.has(fastify);
}

/**
 * Replaces Fastify's `return503OnClosing` (its 503 has Fastify's body): the first onRequest hook,
 * so nothing else runs for a request that arrives while the server is closing.
 */
export function answer503WhileClosing(fastify: FastifyInstance): void {
  fastify.addHook('preClose', async () => markClosing(fastify));
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!closing.has(fastify)) return;
    reply.header('Connection', 'close');
    sendError(
      request,
      reply,
      new ApiError(503, [{ code: 'INTERNAL', message: 'The server is shutting down; try again shortly.' }], undefined, { 'Retry-After': String(RETRY_AFTER_SECONDS) }),
    );
    return reply;
  });
}
