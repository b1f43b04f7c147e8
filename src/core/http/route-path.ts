/**
 * A route path for Fastify's router from its wire spelling. A colon there starts a parameter, so a
 * literal one (the Organizations API's `/organization:members`) is written twice; paths keep their wire
 * spelling in source, so grep finds them, and pass through here where a route is declared.
 */
export function routePath(wirePath: string): string {
  return wirePath.replace(/:/g, '::');
}
