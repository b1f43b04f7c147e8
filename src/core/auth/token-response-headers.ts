import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { ApiResponseOptions } from '@nestjs/swagger';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type HeadersObject = NonNullable<Extract<ApiResponseOptions, { headers?: unknown }>['headers']>;

const NO_STORE = 'answersCredential';

/**
 * Marks a route that answers a credential (a dialect's token or login route; RFC 6749 section 5.1: it must not be
 * cached anywhere). Set as a Fastify route option, so the hook below sees it on every answer of the route, errors the
 * router writes before Nest runs included.
 */
export const AnswersCredential = () => RouteConfig({ [NO_STORE]: true });

/**
 * Adds Cache-Control: no-store and Pragma: no-cache to every answer of the @AnswersCredential() routes, errors
 * included (an onSend hook sees the answers Nest's filter writes and those the router writes itself).
 */
@Injectable()
export class TokenResponseHeaders implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    // Callback style: on every answer, a promise and its microtask less than an async hook.
    fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: Error | null, payload?: unknown) => void) => {
      if ((request.routeOptions.config as { [NO_STORE]?: unknown } | undefined)?.[NO_STORE] === true) {
        reply.header('Cache-Control', 'no-store');
        reply.header('Pragma', 'no-cache');
      }
      done(null, payload);
    });
  }
}

/** The same headers, for the Swagger responses of those routes. */
export const NO_STORE_HEADERS: HeadersObject = {
  'Cache-Control': { description: 'Always `no-store`: the answer carries or concerns a credential (RFC 6749 section 5.1).', schema: { type: 'string', example: 'no-store' } },
  Pragma: { description: 'Always `no-cache`, for HTTP/1.0 caches.', schema: { type: 'string', example: 'no-cache' } },
};

export const RETRY_AFTER_HEADERS: HeadersObject = {
  ...NO_STORE_HEADERS,
  'Retry-After': { description: 'Seconds until the client address window or the login lock allows another attempt.', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 604_800, example: 60 } },
};
