import { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
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
  // Callback style: on every request, a promise and its microtask less than an async hook.
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (!closing.has(fastify)) return done();
    reply.header('Connection', 'close');
    // Answered here: without done(), nothing else runs for the request.
    sendError(
      request,
      reply,
      new ApiError(503, [{ code: 'INTERNAL', message: 'The server is shutting down; try again shortly.' }], undefined, { 'Retry-After': String(RETRY_AFTER_SECONDS) }),
    );
  });
}
