// The cluster recipe's PostgreSQL when DATABASE_URL is not given: the same embedded PostgreSQL the server uses,
// kept in its own folder, running until SIGTERM. Writes its URL to <dir>/url once it accepts connections.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { startEmbeddedPostgres } = require('../../dist/core/database/embedded-postgres.js');

const dir = resolve(process.argv[2] ?? '.cluster/db');
const db = await startEmbeddedPostgres({ dataDir: dir, settings: { max_connections: '200' } });
writeFileSync(join(dir, 'url'), db.url);
process.stdout.write(`embedded PostgreSQL at ${db.url.replace(/:[^:@/]+@/, ':***@')}\n`);
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await db.stop();
    process.exit(0);
  });
}
setInterval(() => undefined, 1 << 30);
