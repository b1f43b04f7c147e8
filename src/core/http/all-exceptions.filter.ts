import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';
import { errorBody, errorFormatFor } from './error-formats';
import { toApiError } from './to-api-error';

const logger = new Logger('Errors');

/** Writes any error as the body of the dialect that owns the path; never leaks stacks or SQL. */
export function sendError(request: FastifyRequest, reply: FastifyReply, e: unknown): void {
  let error = toApiError(e);
  if (!error) {
    logger.error({ reqId: request.id, err: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : e }, 'unexpected error');
    error = new ApiError(500, [{ code: 'INTERNAL', message: `Internal server error (request ${request.id}).` }]);
  }
  const retryAfter = (e as { getResponse?: () => unknown; retryAfter?: number })?.retryAfter;
  if (retryAfter) reply.header('Retry-After', String(retryAfter));
  for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
  if (error.status === 401 && !reply.getHeader('www-authenticate')) reply.header('WWW-Authenticate', 'Bearer');
  // A dialect with its own JSON media type (SCIM) answers its errors in it, also those raised before routing.
  const contentType = errorFormatFor(request.url).contentType;
  if (contentType && error.body === undefined) reply.type(`${contentType}; charset=utf-8`);
  reply.status(error.status).send(errorBody(request.url, error));
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendError(ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>(), exception);
  }
}
