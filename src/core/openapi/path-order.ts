import type { OpenAPIObject } from '@nestjs/swagger';
import { seedPosition } from './seed-order';
import type { SpecOperation } from './standard-responses';

/** HTTP's usual reading order, for methods no seed lists. */
const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options', 'trace'];

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Swagger UI lists a tag's operations in the order of `paths`, and of the methods within a path: so paths
 * follow their tag (the tags' seed order, tags.ts), then the first seed operation they serve (seed-order.ts),
 * then, for paths beyond the seeds, the path's text. Methods follow the seed, then HTTP's usual order.
 * Everything is a function of the document, so the output is byte-stable.
 */
export function orderPaths(paths: OpenAPIObject['paths'], tags: readonly { name: string }[]): OpenAPIObject['paths'] {
  const tagRank = new Map(tags.map((t, i) => [t.name, i]));
  const methodRank = (path: string, method: string): [number, number] => {
    const at = METHODS.indexOf(method);
    return at < 0 ? [-1, 0] : [seedPosition(method, path) ?? Infinity, at];
  };
  const rank = (path: string): [number, number] => {
    let tag = Infinity;
    let seed = Infinity;
    for (const [method, op] of Object.entries(paths[path] as Record<string, SpecOperation>)) {
      if (!METHODS.includes(method)) continue;
      for (const t of op?.tags ?? []) tag = Math.min(tag, tagRank.get(t) ?? Infinity);
      seed = Math.min(seed, seedPosition(method, path) ?? Infinity);
    }
    return [tag, seed];
  };
  const ranks = new Map(Object.keys(paths).map((p) => [p, rank(p)]));
  const order = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
  const sorted = Object.keys(paths).sort((a, b) => {
    const [x, y] = [ranks.get(a)!, ranks.get(b)!];
    return order(x[0], y[0]) || order(x[1], y[1]) || byText(a, b);
  });
  return Object.fromEntries(
    sorted.map((path) => {
      const item = paths[path] as Record<string, unknown>;
      const keys = Object.keys(item).sort((a, b) => {
        const [x, y] = [methodRank(path, a), methodRank(path, b)];
        return order(x[0], y[0]) || order(x[1], y[1]) || byText(a, b);
      });
      return [path, Object.fromEntries(keys.map((k) => [k, item[k]]))];
    }),
  );
}
