import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { CoreOptions } from './core/core.module';
import { AllExceptionsFilter, sendError } from './core/http/all-exceptions.filter';
import { rejectNulCharacters } from './core/http/nul-guard';
import { createValidationPipe } from './core/http/validation';
import { requestId } from './core/logging/logging.module';
import { mountSwagger } from './core/openapi/swagger';

/**
 * Builds the configured application; main.ts, the tests, the bench and the OpenAPI script
 * all use this, so what they exercise is what runs.
 */
export async function createApp(opts: CoreOptions & { logger?: boolean }): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    genReqId: requestId,
    bodyLimit: 50 * 1024 * 1024,
    // X-Forwarded-For is not trusted: the token rate limit keys on the peer address and must not be spoofable.
    trustProxy: false,
    // A malformed URL (400) or an over-long route parameter (414) is answered by the router before Nest:
    // written here in the error body of the dialect that owns the path, like every other error.
    frameworkErrors: (error: unknown, request: FastifyRequest, reply: FastifyReply) => sendError(request, reply, error),
  } as ConstructorParameters<typeof FastifyAdapter>[0]);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(opts), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  acceptEmptyJsonBodies(app);
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  rejectNulCharacters(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  mountSwagger(app);
  return app;
}

/**
 * Clients that send `Content-Type: application/json` on every call (the Enabley seed says each operation
 * "Consumes application/json") also send it on body-less POST/DELETE calls: an empty JSON body is read as
 * no body instead of a 400. Anything else goes to Fastify's own JSON parser (prototype poisoning refused).
 * Registered through Nest before init, so Nest does not add its default JSON parser.
 */
function acceptEmptyJsonBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: fastify.initialConfig.bodyLimit }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    return parse(req as Parameters<typeof parse>[0], text, done);
  });
}
