import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone';

/**
 * Checks one HTTP answer against the committed openapi/openapi.json, the document partners generate
 * clients from: the status must be documented for the operation, a JSON body must match its schema,
 * documented required headers must be there. It reads the committed file (not the live document) on
 * purpose: the drift test ties that file to the code, this ties it to what the server really answers.
 */

type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface Header {
  required?: boolean;
  schema?: Schema;
}
interface SpecResponse {
  content?: Record<string, MediaType>;
  headers?: Record<string, Header>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, SpecResponse>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Answer {
  method: string;
  /** As requested: path and query, or a full URL. */
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the answer is JSON. */
  body: unknown;
  /** Raw text when the answer is text, to tell an empty body from `{}`. */
  text?: string;
}

interface Route {
  template: string;
  pattern: RegExp;
  /** Literal segments outrank parameters: `/users/me` before `/users/{id}`. */
  rank: number[];
  operations: Record<string, Operation>;
}

const SPEC_FILE = join(__dirname, '..', '..', 'openapi', 'openapi.json');
const SPEC_ID = 'openapi.json';

let loaded: { routes: Route[]; spec: Spec; cacheDir: string } | undefined;
let ajvInstance: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * OpenAPI 3.0 schemas into JSON Schema: `nullable` becomes a `null` alternative, component refs point into
 * the document registered under SPEC_ID. Everything else (oneOf, allOf, enum, formats) is JSON Schema already.
 */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const out: Schema = {};
  for (const [k, v] of Object.entries(value as Schema)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = v.startsWith('#/') ? `${SPEC_ID}${v}` : v;
    else if (k === 'example' || k === 'examples' || k === 'nullable' || k === 'discriminator' || k === 'xml' || k === 'externalDocs') continue;
    else if (k === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(Object.entries(v as Schema).map(([name, s]) => [name, toJsonSchema(s)]));
    } else out[k] = toJsonSchema(v);
  }
  if ((value as Schema).nullable === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

function load(): { routes: Route[]; spec: Spec; cacheDir: string } {
  if (loaded) return loaded;
  const text = readFileSync(SPEC_FILE, 'utf8');
  const spec = JSON.parse(text) as Spec;
  // Compiled validators are kept on disk per version of the spec: every test file (its own module registry)
  // would otherwise compile the same schemas again, which costs more than the tests' requests.
  const cacheDir = join(tmpdir(), 'las-openapi-validators', createHash('sha1').update(text).digest('hex').slice(0, 16));
  const routes = Object.entries(spec.paths).map(([template, operations]) => {
    const segments = template.split('/');
    const pattern = new RegExp(
      '^' + segments.map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')).join('/') + '$',
    );
    return { template, pattern, operations, rank: segments.map((s) => (s.includes('{') ? 1 : 0)) };
  });
  // Literal before templated, segment by segment; then the spec's own order.
  routes.sort((a, b) => {
    for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
    return 0;
  });
  loaded = { routes, spec, cacheDir };
  return loaded;
}

/** Only on a cache miss: ajv, with every component schema, emitting standalone code for the disk cache. */
function ajv(): Ajv {
  if (ajvInstance) return ajvInstance;
  ajvInstance = new Ajv({ strict: false, allErrors: false, validateSchema: false, code: { source: true } });
  addFormats(ajvInstance);
  ajvInstance.addSchema({ components: { schemas: toJsonSchema(load().spec.components?.schemas ?? {}) } }, SPEC_ID);
  return ajvInstance;
}

function pathOf(url: string): string {
  const path = /^[a-z]+:\/\//i.test(url) ? new URL(url).pathname : url.split(/[?#]/)[0];
  return path || '/';
}

/** The documented operation; a trailing slash the spec does not spell is the same route (the server serves both). */
function findRoute(routes: Route[], path: string): Route | undefined {
  const alternate = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
  return routes.find((r) => r.pattern.test(path)) ?? routes.find((r) => r.pattern.test(alternate));
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `  body${e.instancePath || ''} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''} (schema ${e.schemaPath})`)
    .join('\n');
}

/** Compiled once per distinct schema (most responses are one `$ref`, shared by many operations) and per run. */
function validator(schema: Schema): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (fn) return fn;
  const file = join(load().cacheDir, `${createHash('sha1').update(key).digest('hex')}.js`);
  let code: string | undefined;
  try {
    code = readFileSync(file, 'utf8');
  } catch {
    code = standaloneCode(ajv(), ajv().compile(toJsonSchema(schema) as Schema));
    mkdirSync(load().cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, file); // atomic: a parallel worker reads a whole file or none
  }
  const mod = { exports: {} as unknown };
  new Function('module', 'exports', 'require', code)(mod, mod.exports, require);
  fn = mod.exports as ValidateFunction;
  compiled.set(key, fn);
  return fn;
}

function headerValue(headers: Answer['headers'], name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

function hasContent({ text, body }: Answer): boolean {
  if (text !== undefined) return text.length > 0;
  if (Buffer.isBuffer(body)) return body.length > 0;
  return body !== undefined && body !== null && !(typeof body === 'object' && Object.keys(body).length === 0);
}

/** Ajv's complaint about `value` against an OpenAPI schema of the committed document, or undefined when it matches. */
export function schemaMismatch(schema: Schema, value: unknown): string | undefined {
  const fn = validator(schema);
  return fn(value) ? undefined : describeErrors(fn.errors);
}

/** What the server serves beside the API: Swagger UI and the live document, which the spec cannot list. */
const OUTSIDE_SPEC: Record<string, RegExp> = { '/docs': /^text\/html/, '/docs/': /^text\/html/, '/docs-json': /^application\/json/, '/docs-yaml': /yaml/ };

/** The mismatch, described for a test failure, or undefined when the answer is what the spec says. */
export function specMismatch(answer: Answer): string | undefined {
  const { routes } = load();
  const method = answer.method.toLowerCase();
  const path = pathOf(answer.url);
  const where = `${answer.method.toUpperCase()} ${path} answered ${answer.status}`;
  if (OUTSIDE_SPEC[path] && method === 'get') {
    const type = headerValue(answer.headers, 'content-type') ?? '';
    return answer.status === 200 && OUTSIDE_SPEC[path].test(type) ? undefined : `OpenAPI: ${where} (${type}): expected 200 ${OUTSIDE_SPEC[path]}`;
  }
  const route = findRoute(routes, path);
  if (!route) return `OpenAPI: ${where}, but openapi/openapi.json documents no path matching ${path}`;
  const op = route.operations[method];
  if (!op) return `OpenAPI: ${where}, but ${route.template} documents no ${method.toUpperCase()} operation`;
  const label = `${where} (${op.operationId ?? route.template})`;
  const status = String(answer.status);
  const documented = op.responses[status] ?? op.responses[`${status[0]}XX`] ?? op.responses.default;
  if (!documented) return `OpenAPI: ${label}: status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`;

  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    const value = headerValue(answer.headers, name);
    if (value === undefined) {
      if (header.required) return `OpenAPI: ${label}: documented header ${name} is missing`;
      continue;
    }
    if (header.schema) {
      const typed = header.schema.type === 'integer' || header.schema.type === 'number' ? Number(value) : value;
      const fn = validator(header.schema);
      if (!fn(typed)) return `OpenAPI: ${label}: header ${name}: ${JSON.stringify(value)} ${fn.errors?.[0]?.message}`;
    }
  }

  const contentType = (headerValue(answer.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  const hasBody = hasContent(answer);
  const content = documented.content ?? {};
  if (!Object.keys(content).length) {
    if (hasBody && answer.method.toUpperCase() !== 'HEAD') return `OpenAPI: ${label}: answered a body (${contentType || 'no content-type'}) where the spec documents none`;
    return undefined;
  }
  if (!hasBody) return `OpenAPI: ${label}: answered no body where the spec documents ${Object.keys(content).join(', ')}`;
  const media = content[contentType] ?? Object.entries(content).find(([type]) => type.endsWith('/*') && contentType.startsWith(type.slice(0, -1)))?.[1];
  if (!media) return `OpenAPI: ${label}: content-type ${contentType || '(none)'} is not documented (documented: ${Object.keys(content).join(', ')})`;
  // PDF, CSV, HTML: the status and the content type are what a client can rely on.
  if (!/[/+]json$/.test(contentType) || !media.schema) return undefined;
  const fn = validator(media.schema);
  if (fn(answer.body)) return undefined;
  return `OpenAPI: ${label}: body does not match the documented schema:\n${describeErrors(fn.errors)}\n  body: ${JSON.stringify(answer.body).slice(0, 600)}`;
}
