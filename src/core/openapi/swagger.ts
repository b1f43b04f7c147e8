import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { TOKEN_SCOPES, TokenScope } from '../auth/token-scopes';
import { ErrorFormat, errorFormatFor, errorFormats } from '../http/error-formats';
import { cleanOperationIds } from './operation-ids';
import { orderPaths } from './path-order';
import { applyPathSpellings } from './path-spelling';
import { unfillOptionalQueries } from './query-examples';
import { SpecOperation as Operation, addTransportErrors, badInputIssue, documentErrorResponse } from './standard-responses';
import { orderedTags } from './tags';
import { handlersRefusingUnknownFields } from './validated-input';

const DESCRIPTION = [
  'One learning-platform administration server speaking four API dialects over one core:',
  'Kolibri auth (`/api/auth/`), Organizations (`/organizations`, `/organization:members` ...),',
  'Enabley v1-v4 (`/api/v1/` ... `/api/v4/`) and Triboo (`/oauth2/`, `/api/extended/v1/` ...),',
  'and SCIM 2.0 provisioning for identity providers (`/scim/v2/`, RFC 7643/7644).',
  'Get a token with `POST /oauth2/access_token` (client credentials) or `POST /api/v1/token`,',
  'then send it as `Authorization: Bearer <token>` (or `JWT <token>`). Errors use each dialect\'s own body.',
].join(' ');

const INTERNAL_ERROR = { description: 'Unexpected error; the body carries the request id, never details.' };
const BAD_INPUT = { description: 'Bad input: a wrong type, a missing required field, an unknown field or enum value.' };

/**
 * Keys sorted, and so are a schema's `required` names: their order follows the order decorators and the
 * Swagger plugin's metadata were applied in, which says nothing about the API. Paths and their methods are
 * the exception, ordered afterwards as the seeds list them (path-order.ts).
 */
function sortKeys(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    if (key === 'required' && value.every((v) => typeof v === 'string')) return [...value].sort();
    return value.map((v) => sortKeys(v));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k], k)]),
    );
  }
  return value;
}

/** The document is refused, naming the path, rather than written pointing at no schema. */
function errorSchemaName(format: ErrorFormat, path: string): string {
  if (!format.schema?.name || !format.schema.schema) {
    throw new Error(`OpenAPI: ${path} is answered in the "${format.name}" error format, which has no OpenAPI error schema; give the format its schema (ErrorFormat.schema)`);
  }
  return format.schema.name;
}

/** Every error response of a path carries the body of the dialect that owns that path. */
function applyDialectErrors(doc: OpenAPIObject, refusing: Set<Operation>): void {
  doc.components ??= {};
  doc.components.schemas ??= {};
  for (const format of errorFormats()) {
    if (format.schema?.name && format.schema.schema) doc.components.schemas[format.schema.name] = format.schema.schema;
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    const format = errorFormatFor(path.replace(/\{[^}]+\}/g, 'x'));
    const schemaName = errorSchemaName(format, path);
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      op.responses ??= {};
      op.responses['500'] ??= { ...INTERNAL_ERROR };
      if (op.parameters?.length || op.requestBody) op.responses['400'] ??= { ...BAD_INPUT };
      addTransportErrors(path, method, op);
      for (const [status, response] of Object.entries(op.responses)) {
        const issue = status === '400' ? badInputIssue(op, doc.components.schemas, refusing.has(op)) : undefined;
        if (Number(status) >= 400) documentErrorResponse(format, schemaName, status, response, issue);
      }
    }
  }
}

/** Read while the ids are still Swagger's `Controller_method` (`[n]` for a handler on several paths). */
function operationsRefusingUnknownFields(doc: OpenAPIObject, handlers: Set<string>): Set<Operation> {
  const out = new Set<Operation>();
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item as Record<string, Operation>)) {
      if (op?.operationId && handlers.has(op.operationId.replace(/\[\d+\]$/, ''))) out.add(op);
    }
  }
  return out;
}

/** Lists every tag the operations use (seed order, see tags.ts) and drops schemas nothing references. */
function tidy(doc: OpenAPIObject): void {
  doc.tags = orderedTags(doc);
  const schemas = doc.components?.schemas ?? {};
  for (;;) {
    const text = JSON.stringify({ paths: doc.paths, schemas });
    const unused = Object.keys(schemas).filter((name) => !text.includes(`"#/components/schemas/${name}"`));
    if (!unused.length) break;
    for (const name of unused) delete schemas[name];
  }
}

/** The OAuth2 scope each operation needs, as the policy guard checks it (token-scopes.ts): by method. */
function scopeOAuth2Requirements(doc: OpenAPIObject): void {
  for (const item of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      const scope: TokenScope = method === 'get' || method === 'head' ? 'read' : 'write';
      // New objects: decorator metadata (one requirement object) may be shared by several operations.
      if (op?.security) op.security = op.security.map((r) => ('oauth2' in (r as object) ? { ...(r as object), oauth2: [scope] } : r));
    }
  }
}

/** Superuser-only routes declare their own scheme: same JWT, but only a superuser's is accepted. */
function markSuperuserRoutes(doc: OpenAPIObject): void {
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/admin/')) continue;
    for (const op of Object.values(item as Record<string, Operation>)) if (op?.security) op.security = [{ superuser: [] }];
  }
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Learning platform administration API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0.0')
    .setLicense('Proprietary', 'https://example.com/license')
    .addServer('/', 'This server (production, local or staging: wherever it runs)', {})
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'HS256 JWT with exp, iss, aud, sub, acct (RFC8725 best practices). Also accepted as "Authorization: JWT <token>". ' +
          'A token from /oauth2/access_token is limited to its scope (see oauth2: `read` GET and HEAD, `write` the others).' },
      'bearer',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A platform superuser\'s session JWT (POST /api/auth/session); RFC8725 best practices.' },
      'superuser',
    )
    .addBasicAuth(
      {
        type: 'http',
        scheme: 'basic',
        description:
          'OAuth2 client authentication at the token endpoints only (RFC 6749 section 2.3.1): username = client_id, password = client_secret, ' +
          'each form-urlencoded first. The other way is client_id and client_secret in the request body, never both.',
      },
      'clientBasic',
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description:
          'Client credentials; the access token is a short-lived JWT (RFC8725), expires_in seconds. Its scopes: `read` for GET and HEAD, ' +
          '`write` for every other method; a token request naming none gets both. A call the token\'s scope does not cover answers 403.',
        flows: { clientCredentials: { tokenUrl: '/oauth2/access_token', scopes: { ...TOKEN_SCOPES } } },
      },
      'oauth2',
    )
    .build();
  config.servers = config.servers?.map((server) => ({ ...server, 'x-internal': false }));
  const doc = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey: string, methodKey: string) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  const refusing = operationsRefusingUnknownFields(doc, handlersRefusingUnknownFields(app));
  cleanOperationIds(doc);
  applyPathSpellings(doc);
  unfillOptionalQueries(doc);
  applyDialectErrors(doc, refusing);
  markSuperuserRoutes(doc);
  scopeOAuth2Requirements(doc);
  tidy(doc);
  const sorted = sortKeys(doc) as OpenAPIObject;
  sorted.paths = orderPaths(sorted.paths, sorted.tags ?? []);
  return sorted;
}

/**
 * Swagger UI at /docs, the live document at /docs-json. The document is built from the running code on the
 * first request that needs it (then kept: it depends on the code only), not at boot, where scanning every
 * route and DTO cost a large part of the start. It is not the committed openapi/openapi.json: that file
 * equals the code only where the drift test ran, the live one always does. The missing-error-schema refusal
 * (errorSchemaName) still stops `npm run openapi` and the drift test.
 */
export function mountSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml', customSiteTitle: 'Learning platform API' });
}
