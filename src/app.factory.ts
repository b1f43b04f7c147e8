import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { JWT_AUDIENCE, JWT_ISSUER } from './core/auth/jwt-key.provider';
import { tokenFromAuthorization } from './core/auth/jwt.strategy';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { CoreOptions } from './core/core.module';
import { AllExceptionsFilter, sendError } from './core/http/all-exceptions.filter';
import { DEFAULT_BODY_LIMIT, applyBodyLimits } from './core/http/body-limits';
import { clientErrorHandler } from './core/http/client-error';
import { applyCors } from './core/http/cors';
import { registerJsonBodyParser } from './core/http/json-body-parser';
import { applyJsonMediaTypes } from './core/http/json-media-types';
import { rejectNulCharacters } from './core/http/nul-guard';
import { addSecurityHeaders } from './core/http/security-headers';
import { answer503WhileClosing } from './core/http/shutdown-state';
import { createValidationPipe } from './core/http/validation';
import { requestId } from './core/logging/logging.module';
import { mountSwagger } from './core/openapi/swagger';
import pluginMetadata from './metadata';

/**
 * Builds the configured application; main.ts, the tests, the bench and the OpenAPI script
 * all use this, so what they exercise is what runs.
 */
export async function createApp(opts: CoreOptions & { logger?: boolean }): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    genReqId: requestId,
    // Small by default; the bulk routes raise it (body-limits.ts), the credential routes lower it.
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Off unless TRUST_PROXY says so: the token rate limit keys on the client address, which X-Forwarded-For
    // would then give (intended behind a proxy, spoofable without one); links check X-Forwarded-Host like Host.
    trustProxy: opts.env.trustProxy,
    // Node's parser limits, stated rather than inherited: 16 KB of headers (then 431), the whole request
    // within 2 minutes (a 30 MB bulk body on a slow link) and its headers within 10 s (slowloris).
    http: { maxHeaderSize: 16 * 1024, headersTimeout: 10_000 },
    requestTimeout: 120_000,
    keepAliveTimeout: 72_000,
    // Its errors (431, a malformed request line, 408) are written in the dialect's body, not Node's or Fastify's.
    clientErrorHandler,
    // shutdown-state.ts answers the 503 while closing, in the dialect's body.
    return503OnClosing: false,
    // A malformed URL (400) or an over-long route parameter (414) is answered by the router before Nest:
    // written here in the error body of the dialect that owns the path, like every other error.
    frameworkErrors: (error: unknown, request: FastifyRequest, reply: FastifyReply) => sendError(request, reply, error),
  } as ConstructorParameters<typeof FastifyAdapter>[0]);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(opts), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  answer503WhileClosing(fastify);
  applyCors(fastify, opts.env.corsOrigins);
  addSecurityHeaders(fastify);
  applyBodyLimits(fastify, hasSignedToken(app));
  registerJsonBodyParser(app);
  applyJsonMediaTypes(app);
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  rejectNulCharacters(fastify);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  // What the Swagger CLI plugin inferred from the DTO types (scripts/plugin-metadata.mjs; swc runs no plugin).
  await SwaggerModule.loadPluginMetadata(pluginMetadata);
  mountSwagger(app);
  return app;
}

/** A cheap, database-free token check for the routes that read megabytes (body-limits.ts). */
function hasSignedToken(app: NestFastifyApplication): (request: FastifyRequest) => boolean {
  const jwt = app.get(JwtService, { strict: false });
  return (request) => {
    const token = tokenFromAuthorization(request);
    if (!token) return false;
    try {
      const claims = jwt.verify<{ exp?: unknown }>(token, { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
      return typeof claims.exp === 'number';
    } catch {
      return false;
    }
  };
}
