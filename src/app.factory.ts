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
    // Router-level errors (a bad percent-encoding, a path segment over maxParamLength) never reach Nest's
    // filter: answer them in the dialect's error body too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => sendError(request, reply, error),
  } as ConstructorParameters<typeof FastifyAdapter>[0]);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(opts), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  rejectNulCharacters(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  mountSwagger(app);
  return app;
}
