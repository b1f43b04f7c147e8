import type { OpenAPIObject } from '@nestjs/swagger';
import type { SpecOperation } from './standard-responses';

const camel = (segment: string) => segment.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toUpperCase());

/**
 * A handler served on several paths gets `Name_method[0]`, `Name_method[1]` from Swagger: ids a generated
 * client cannot name a function after. The first path keeps `Name_method`, each other one adds the path
 * segments that tell it apart (`/oauth2/v1/access_token` -> `OAuth2_tokenV1`). Duplicates are refused, so
 * two controllers of the same class name in two dialects cannot silently share an id.
 */
export function cleanOperationIds(doc: OpenAPIObject): void {
  const firstPath = new Map<string, string>();
  const ops: { path: string; op: SpecOperation; base: string; n: number }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const op of Object.values(item as Record<string, SpecOperation>)) {
      const m = /^(.*)\[(\d+)\]$/.exec(op?.operationId ?? '');
      if (!m) continue;
      ops.push({ path, op, base: m[1], n: Number(m[2]) });
      if (m[2] === '0') firstPath.set(m[1], path);
    }
  }
  for (const { path, op, base, n } of ops) {
    const first = (firstPath.get(base) ?? '').split('/');
    op.operationId = n === 0 ? base : base + path.split('/').filter((s) => s && !first.includes(s)).map(camel).join('');
  }
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, SpecOperation>)) {
      const id = op?.operationId;
      if (!id) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (seen.has(id)) throw new Error(`OpenAPI: operation id ${id} of ${where} is already the id of ${seen.get(id)}; rename a handler or its controller`);
      seen.set(id, where);
    }
  }
}
