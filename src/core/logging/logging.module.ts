import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

const SECRET_QUERY = /([?&](?:secret|client_secret|password|access_token|token)=)[^&]*/gi;

/** The caller's X-Request-Id when it is sane, else a fresh UUID; stored on the raw request. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

/** Request URL without secrets (the Enabley token endpoint takes its secret in the query string). */
export function redactUrl(url: string | undefined): string {
  return (url ?? '').replace(SECRET_QUERY, '$1[redacted]');
}

@Module({})
export class LoggingModule {
  static forRoot(level: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level,
            // Fastify assigned the id already (see requestId below); the logs and error bodies share it.
            genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? requestId(req),
            // 503 (database outage, shutting down) is an announced state, logged once by whoever announces it.
            customLogLevel: (_req, res, err) => (res.statusCode === 503 ? 'info' : err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.client_secret'], remove: true },
          },
        }),
      ],
    };
  }
}
