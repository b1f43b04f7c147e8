import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ApiResponseOptions } from '@nestjs/swagger';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type HeadersObject = NonNullable<Extract<ApiResponseOptions, { headers?: unknown }>['headers']>;

/** The routes that answer a credential (RFC 6749 section 5.1: it must not be cached anywhere). */
const TOKEN_ROUTES = new Set(['/oauth2/access_token', '/oauth2/v1/access_token', '/api/v1/token', '/api/auth/session']);

/**
 * Adds Cache-Control: no-store and Pragma: no-cache to every answer of the token and login routes, errors
 * included (an onSend hook sees the answers Nest's filter writes and those the router writes itself).
 */
@Injectable()
export class TokenResponseHeaders implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (request.method === 'POST' && TOKEN_ROUTES.has(request.routeOptions.url ?? '')) {
        reply.header('Cache-Control', 'no-store');
        reply.header('Pragma', 'no-cache');
      }
      return payload;
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
