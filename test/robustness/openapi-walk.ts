import { randomUUID } from 'node:crypto';

/** A minimal reader of the live OpenAPI document, for the bad-input walk. */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  minLength?: number;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  bodySchema?: Schema;
  bodyTypes: string[];
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      const bodyTypes = Object.keys(content);
      const bodySchema = content['application/json']?.schema ?? content[bodyTypes[0]]?.schema;
      out.push({ method: method as Operation['method'], path, parameters: (op.parameters ?? []).filter((p) => p.in !== 'header'), bodySchema, bodyTypes });
    }
  }
  return out;
}

export class SchemaReader {
  constructor(private readonly doc: OpenApiDoc) {}

  resolve(schema: Schema | undefined, depth = 0): Schema {
    if (!schema || depth > 10) return {};
    if (schema.$ref) return this.resolve(this.doc.components?.schemas?.[schema.$ref.split('/').pop()!], depth + 1);
    if (schema.allOf?.length) {
      const parts = schema.allOf.map((s) => this.resolve(s, depth + 1));
      return {
        ...Object.assign({}, ...parts),
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
        required: parts.flatMap((p) => p.required ?? []),
      };
    }
    const one = schema.oneOf?.[0] ?? schema.anyOf?.[0];
    if (one && !schema.type) return this.resolve(one, depth + 1);
    return schema;
  }

  /** A plausible value of the schema: the example, the first enum value, or one made up by type. */
  sample(schema: Schema | undefined, depth = 0): unknown {
    const s = this.resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'integer':
      case 'number':
        return Math.max(1, s.minimum ?? 1);
      case 'boolean':
        return true;
      case 'array':
        return depth > 4 ? [] : [this.sample(s.items, depth + 1)];
      case 'string':
        if (s.format === 'uuid') return randomUUID();
        if (s.format === 'email') return `fuzz-${randomUUID().slice(0, 8)}@example.com`;
        if (s.format === 'date-time') return '2024-01-01T00:00:00.000Z';
        if (s.format === 'date') return '2024-01-01';
        return `fuzz${randomUUID().slice(0, 8)}`;
      default:
        if (s.properties && depth <= 4) {
          const o: Record<string, unknown> = {};
          for (const k of s.required ?? []) o[k] = this.sample(s.properties[k], depth + 1);
          return o;
        }
        return depth > 4 ? 'x' : {};
    }
  }

  properties(schema: Schema | undefined): Record<string, Schema> {
    return this.resolve(schema).properties ?? {};
  }

  typeOf(schema: Schema | undefined): string {
    const s = this.resolve(schema);
    return s.type ?? (s.properties ? 'object' : 'unknown');
  }
}

/** Values of each JSON type; a property gets those not of its own type. */
export const JUNK_BY_TYPE: Record<string, unknown[]> = {
  string: ['fuzz', '', 'a\u0000b'],
  number: [12345.5, -1, 1e308],
  boolean: [true],
  object: [{ a: { b: 1 } }],
  array: [['x', 1, null]],
  null: [null],
};

export function junkFor(type: string): unknown[] {
  const same = type === 'integer' ? 'number' : type;
  const out: unknown[] = [];
  for (const [t, values] of Object.entries(JUNK_BY_TYPE)) if (t !== same) out.push(...values);
  if (type === 'integer') out.push(1.5, 2147483648, 99999999999999999999);
  if (type === 'string') out.push('x'.repeat(5000), 'ünïcødé ✓ \u{1F600}');
  return out;
}

/** Malformed path segments (already URL-encoded where it matters). */
export const BAD_PATH_VALUES = [
  'not-a-uuid',
  '-1',
  '0',
  '1.5',
  '2147483648',
  '99999999999999999999',
  '00000000-0000-0000-0000-00000000000g',
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%C3%BC%E2%9C%93%F0%9F%98%80',
  '%2e%2e%2f%2e%2e',
  '%7B%22a%22%3A1%7D',
  'null',
  'x'.repeat(400),
  'x'.repeat(2000),
];

export const BAD_QUERY_VALUES: Record<string, string[]> = {
  integer: ['abc', '1.5', '-1', '0', '99999999999999999999', ''],
  number: ['abc', '-1', '1e400', ''],
  boolean: ['maybe', '2', ''],
  string: ['%00', 'a%00b', '%E0%A4%A', 'x'.repeat(3000), '%C3%BC%E2%9C%93'],
  array: ['%00', ''],
};

/**
 * Values every body field gets whatever its declared type, and every query parameter as text: the
 * odd-value sweep, unsampled (it was the Enabley fuzz test). Only "no 5xx, the dialect's error body" is asked.
 */
export const ODD_BODY_VALUES: unknown[] = [null, 123, -1, 1.5, true, 'x'.repeat(300), '', [], {}, ['a'], { a: 1 }, '%', "'; DROP TABLE x;--", '\u0000', '\u00ff'];
export const ODD_QUERY_VALUES = ['x', '-1', '1.5', '99999999999', '', 'true,false', '%25', '0'];

/** Runs tasks with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

/** Deterministic sampling: every k-th element, starting at an offset derived from a seed string. */
export function sampleOf<T>(items: T[], max: number, seed: string): T[] {
  if (items.length <= max) return items;
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const out: T[] = [];
  const step = items.length / max;
  for (let i = 0; i < max; i++) out.push(items[(Math.floor(i * step) + h) % items.length]);
  return out;
}
