import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppEnv } from '../config/env';

/** JWT_SECRET, or a random secret generated once and kept in DATA_DIR so tokens survive restarts. */
export function resolveJwtSecret(env: AppEnv): string {
  if (env.jwtSecret) return env.jwtSecret;
  const file = join(env.dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(env.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export const JWT_ISSUER = 'learning-admin-server';
export const JWT_AUDIENCE = 'learning-admin-api';
