import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { AppEnv } from '../config/env';
import { PgThrottlerStorage } from './pg-throttler.storage';

/**
 * The token/login rate limit: TOKEN_RATE_LIMIT requests per minute per client address, ONE bucket for
 * every endpoint that opts in with ThrottlerGuard (the OAuth2 token paths, the Enabley token and the
 * Kolibri session login), counted in PostgreSQL so all processes on the database share it. The tracker
 * stays the throttler's default (the peer address, IPv6 grouped by /64; X-Forwarded-For is not trusted).
 */
export function addressThrottlerOptions(env: AppEnv, db: DataSource): ThrottlerModuleOptions {
  return {
    // Named 'default': other names suffix the headers (Retry-After-<name>).
    throttlers: [{ name: 'default', ttl: 60_000, limit: env.tokenRateLimit }],
    storage: new PgThrottlerStorage(db),
    // The default key names the controller and handler, which would give each endpoint its own bucket.
    generateKey: (_context, tracker, name) => `token-endpoints:${name}:${tracker}`,
  };
}
