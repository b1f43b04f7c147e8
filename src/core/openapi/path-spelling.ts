import { ApiExtension } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

const TRAILING_SLASH = 'x-trailing-slash';

/**
 * Documents a route (or every route of a controller) with a trailing slash, as its dialect's seed spells it
 * (Open edX's `/api/extended/v1/users/`). The router ignores trailing slashes, so both spellings are served;
 * only the seed's is documented, once, so a path matcher (Prism) cannot take `/users/` for `/users/{user_id}`.
 */
export const DocumentedWithTrailingSlash = () => ApiExtension(TRAILING_SLASH, true);

export function applyPathSpellings(doc: OpenAPIObject): void {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Record<string, unknown>>)) {
      if (!op || typeof op !== 'object' || !op[TRAILING_SLASH]) continue;
      delete op[TRAILING_SLASH];
      if (path.endsWith('/')) continue;
      const spelled = `${path}/`;
      const target = (doc.paths[spelled] ??= {}) as Record<string, unknown>;
      if (target[method]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${spelled} is documented twice`);
      target[method] = op;
      delete (item as Record<string, unknown>)[method];
    }
    if (!Object.keys(item).length) delete doc.paths[path];
  }
}
