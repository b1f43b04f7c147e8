import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../app.factory';
import { loadEnv } from '../core/config/env';
import { buildOpenApiDocument } from '../core/openapi/swagger';

/**
 * Writes openapi/openapi.json from the code: no database connection, no port.
 * `--check` fails instead when the committed file differs (CI), or when src/metadata.ts (what the Swagger
 * plugin inferred, which the document is built from) is stale.
 */
async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const env = loadEnv({ ...process.env, DATABASE_URL: undefined, JWT_SECRET: 'openapi-generation-only-secret' });
  const app = await createApp({ env, databaseUrl: 'postgres://openapi@127.0.0.1:1/none', connect: false, logger: false });
  const text = JSON.stringify(buildOpenApiDocument(app), null, 2) + '\n';
  await app.close();
  const file = join(process.cwd(), 'openapi', 'openapi.json');
  if (check) {
    try {
      execFileSync(process.execPath, [join(process.cwd(), 'scripts', 'plugin-metadata.mjs'), '--check'], { stdio: 'inherit' });
    } catch {
      return 1;
    }
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      /* missing counts as different */
    }
    if (committed !== text) {
      process.stderr.write('openapi/openapi.json is out of date: run npm run openapi and commit the result\n');
      return 1;
    }
    process.stdout.write('openapi/openapi.json matches the code\n');
    return 0;
  }
  mkdirSync(join(process.cwd(), 'openapi'), { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  },
);
