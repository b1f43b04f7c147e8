import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LogFn, Logger as PinoLogger } from 'pino';
import type { Options } from 'pino-http';
import { prettyDestination } from './pretty-destination';

export type LogFormat = 'pretty' | 'json';

/**
 * Nest's own start-up chatter (one line per module and per route: ~220 on a start) logs at info; here it is
 * debug, so a start shows what matters and LOG_LEVEL=debug still shows the route table.
 */
const FRAMEWORK_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

function demoteFrameworkInfo(this: PinoLogger, args: Parameters<LogFn>, method: LogFn, level: number): void {
  const first: unknown = args[0];
  const context = first && typeof first === 'object' ? (first as { context?: unknown }).context : undefined;
  if (level === 30 && typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) {
    if (this.isLevelEnabled('debug')) this.debug(...args);
    return;
  }
  method.apply(this, args);
}

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
  /** `pretty`: human lines on stdout (pretty-destination.ts); `json`: pino's JSON lines, for log collectors. */
  static forRoot(level: string, format: LogFormat = 'json'): DynamicModule {
    const options: Options = {
      level,
      hooks: { logMethod: demoteFrameworkInfo },
      // Fastify assigned the id already (see requestId below); the logs and error bodies share it.
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? requestId(req),
      // 503 (database outage, shutting down) is an announced state, logged once by whoever announces it.
      customLogLevel: (_req, res, err) => (res.statusCode === 503 ? 'info' : err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.client_secret'], remove: true },
    };
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: format === 'pretty' ? [options, prettyDestination()] : options })],
    };
  }
}
