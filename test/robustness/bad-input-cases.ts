import { Operation, SchemaReader, BAD_PATH_VALUES, BAD_QUERY_VALUES, ODD_BODY_VALUES, ODD_QUERY_VALUES, junkFor, sampleOf } from './openapi-walk';

export interface Case {
  op: Operation;
  label: string;
  url: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  /** The server must refuse it (4xx): an unknown field, or a value of another JSON type than declared. */
  mustReject?: boolean;
}

/** A JSON value of another type than the schema's (null and numeric strings aside: form dialects coerce them). */
function wrongType(type: string, value: unknown): boolean {
  if (value === null || type === 'unknown') return false;
  const actual = Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
  if (type === 'integer' || type === 'number') return actual !== 'number' && !(actual === 'string' && /^-?\d/.test(value as string));
  return actual !== type;
}

/** Body cases per property kept after sampling, so the walk stays a few seconds per dialect. */
const MAX_BODY_CASES_PER_OP = 20;
/** Malformed values tried per path parameter. */
const MAX_PATH_CASES_PER_PARAM = 6;

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'fuzz-missing');
}

function queryString(params: Record<string, string>): string {
  const parts = Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${v}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function deepJunk(depth: number): unknown {
  let o: unknown = 'x';
  for (let i = 0; i < depth; i++) o = i % 2 ? { a: o, b: 1 } : [o, 'y'];
  return o;
}

/** Real path and query values of an operation (`known`, else a sample), URL-encoded. */
function goodValues(op: Operation, reader: SchemaReader, known: (name: string) => string | undefined) {
  const path: Record<string, string> = {};
  for (const p of op.parameters.filter((q) => q.in === 'path')) path[p.name] = encodeURIComponent(known(p.name) ?? String(reader.sample(p.schema)));
  const query: Record<string, string> = {};
  for (const p of op.parameters.filter((q) => q.in === 'query')) {
    const value = known(p.name) ?? (p.required ? String(reader.sample(p.schema)) : undefined);
    if (value !== undefined) query[p.name] = encodeURIComponent(value);
  }
  return { path, query };
}

/**
 * The odd-value sweep of one operation, unsampled: each query parameter with each of ODD_QUERY_VALUES
 * (and as an array), each body field with each of ODD_BODY_VALUES next to the required fields.
 */
export function oddCasesOf(op: Operation, reader: SchemaReader, known: (name: string) => string | undefined = () => undefined): Case[] {
  const good = goodValues(op, reader, known);
  const base = fill(op.path, good.path);
  const out: Case[] = [];
  for (const p of op.parameters.filter((q) => q.in === 'query')) {
    for (const odd of ODD_QUERY_VALUES) out.push({ op, label: `query ${p.name}=${odd}`, url: base + queryString({ ...good.query, [p.name]: encodeURIComponent(odd) }) });
    out.push({ op, label: `query ${p.name}=[a,b]`, url: `${base}${queryString(good.query)}${Object.keys(good.query).length ? '&' : '?'}${p.name}=a&${p.name}=b` });
  }
  if (op.method === 'get' || op.method === 'delete' || !op.bodySchema) return out;
  const url = base + queryString(good.query);
  const required = Object.fromEntries((reader.resolve(op.bodySchema).required ?? []).map((k) => [k, known(k) ?? reader.sample(reader.properties(op.bodySchema)[k])]));
  for (const odd of ODD_BODY_VALUES) out.push({ op, label: `body=${JSON.stringify(odd)?.slice(0, 40)}`, url, raw: JSON.stringify(odd), contentType: 'application/json' });
  for (const field of Object.keys(reader.properties(op.bodySchema)))
    for (const odd of ODD_BODY_VALUES) out.push({ op, label: `body ${field}=${JSON.stringify(odd)?.slice(0, 40)}`, url, body: { ...required, [field]: odd } });
  return out;
}

/**
 * The cases of one operation. `known` gives real values (ids of existing objects) for path and query
 * parameters, so bad bodies reach past the 404 of a missing object into the services.
 */
export function casesOf(op: Operation, reader: SchemaReader, known: (name: string) => string | undefined = () => undefined): Case[] {
  const out: Case[] = [];
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const { path: goodPath, query: goodQuery } = goodValues(op, reader, known);
  const base = fill(op.path, goodPath);
  const baseUrl = base + queryString(goodQuery);
  const json = op.bodyTypes.includes('application/json');
  const goodBody = op.bodySchema ? reader.sample(op.bodySchema) : undefined;
  const withBody = (c: Omit<Case, 'op'>): Case => ({ op, ...c, ...(c.body === undefined && c.raw === undefined && goodBody !== undefined ? { body: goodBody } : {}) });

  // Path values.
  for (const p of pathParams)
    for (const bad of sampleOf(BAD_PATH_VALUES, MAX_PATH_CASES_PER_PARAM, `${op.path} ${p.name}`)) out.push(withBody({ label: `path ${p.name}=${bad.slice(0, 40)}`, url: fill(op.path, { ...goodPath, [p.name]: bad }) + queryString(goodQuery) }));

  // Query values: wrong type for each declared one, an unknown one, a repeated one, required ones missing.
  for (const p of queryParams) {
    const type = reader.typeOf(p.schema);
    const bads = [...(BAD_QUERY_VALUES[type] ?? BAD_QUERY_VALUES.string), ...(reader.resolve(p.schema).enum ? ['NOT_A_CHOICE'] : [])];
    for (const bad of bads) out.push(withBody({ label: `query ${p.name}=${bad.slice(0, 40)}`, url: base + queryString({ ...goodQuery, [p.name]: bad }) }));
    out.push(withBody({ label: `query ${p.name} repeated`, url: `${base + queryString(goodQuery)}${Object.keys(goodQuery).length ? '&' : '?'}${p.name}=1&${p.name}=2` }));
    out.push(withBody({ label: `query ${p.name}[a]=1`, url: `${base}?${encodeURIComponent(`${p.name}[a]`)}=1` }));
  }
  out.push(withBody({ label: 'unknown query', url: base + queryString({ ...goodQuery, zzFuzzUnknown: '1' }) }));
  if (queryParams.some((q) => q.required)) out.push(withBody({ label: 'required query missing', url: base }));

  if (op.method === 'get' || op.method === 'delete') {
    if (op.bodySchema) out.push({ op, label: 'body {}', url: baseUrl, body: {} });
    return out;
  }

  // Bodies.
  const bodyCases: Case[] = [];
  if (op.bodySchema) {
    const props = reader.properties(op.bodySchema);
    const baseObj = (goodBody && typeof goodBody === 'object' && !Array.isArray(goodBody) ? goodBody : {}) as Record<string, unknown>;
    for (const [name, schema] of Object.entries(props)) {
      for (const junk of junkFor(reader.typeOf(schema)))
        bodyCases.push({
          op,
          label: `body ${name}=${JSON.stringify(junk)?.slice(0, 40)}`,
          url: baseUrl,
          body: { ...baseObj, [name]: junk },
          mustReject: json && wrongType(reader.typeOf(schema), junk),
        });
      // One level down: wrong types inside an object or array-of-object property.
      const inner = reader.resolve(schema).type === 'array' ? reader.resolve(schema).items : schema;
      const innerProps = reader.properties(inner);
      const innerBase = reader.sample(inner);
      for (const [innerName, innerSchema] of Object.entries(innerProps))
        for (const junk of junkFor(reader.typeOf(innerSchema)).slice(0, 3)) {
          const item = { ...(innerBase as object), [innerName]: junk };
          bodyCases.push({ op, label: `body ${name}.${innerName}=${JSON.stringify(junk)?.slice(0, 30)}`, url: baseUrl, body: { ...baseObj, [name]: reader.resolve(schema).type === 'array' ? [item] : item } });
        }
      if (reader.resolve(schema).type === 'array')
        bodyCases.push({ op, label: `body ${name} huge array`, url: baseUrl, body: { ...baseObj, [name]: Array.from({ length: 2_000 }, () => reader.sample(inner)) } });
    }
    if (!Array.isArray(goodBody)) {
      bodyCases.push({ op, label: 'body unknown field', url: baseUrl, body: { ...baseObj, zzFuzzUnknown: 1 }, mustReject: true });
      bodyCases.push({ op, label: 'body deep junk field', url: baseUrl, body: { ...baseObj, zzFuzzUnknown: deepJunk(200) }, mustReject: true });
    }
    bodyCases.push({ op, label: 'body with prototype keys', url: baseUrl, raw: JSON.stringify(baseObj).replace(/^\{/, '{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}},').replace(',}', '}'), contentType: 'application/json' });
  }
  out.push(...sampleOf(bodyCases, MAX_BODY_CASES_PER_OP, `${op.method} ${op.path}`));
  const whole: Array<[string, string]> = [
    ['{}', '{}'],
    ['[]', '[]'],
    ['[{}]', '[{}]'],
    ['null', 'null'],
    ['"string"', '"string"'],
    ['123', '123'],
    ['true', 'true'],
    ['malformed', '{"a":'],
    ['trailing garbage', '{"a":1}}}'],
    ['bad unicode escape', '{"a":"\\ud800\\u0000"}'],
    ['huge string', JSON.stringify({ name: 'x'.repeat(1_000_000), username: 'x'.repeat(100_000) })],
  ];
  for (const [label, raw] of whole) out.push({ op, label: `json ${label}`, url: baseUrl, raw, contentType: 'application/json' });
  out.push({ op, label: 'form body', url: baseUrl, raw: 'a=1&b[c]=2&name=%00', contentType: 'application/x-www-form-urlencoded' });
  if (goodBody && typeof goodBody === 'object' && !Array.isArray(goodBody))
    out.push({ op, label: 'form of the good body', url: baseUrl, raw: new URLSearchParams(goodBody as Record<string, string>).toString(), contentType: 'application/x-www-form-urlencoded' });
  if (!json) out.push({ op, label: 'json instead of form', url: baseUrl, raw: JSON.stringify(goodBody ?? {}), contentType: 'application/json' });
  out.push({ op, label: 'text/plain body', url: baseUrl, raw: 'hello', contentType: 'text/plain' });
  out.push({ op, label: 'multipart body', url: baseUrl, raw: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n', contentType: 'multipart/form-data; boundary=b' });
  return out;
}

