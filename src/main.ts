import 'reflect-metadata';
import { createApp } from './app.factory';
import { EnvError, loadEnv } from './core/config/env';
import { resolveDatabase } from './core/database/database-url';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (e) {
    if (e instanceof EnvError) {
      process.stderr.write(`configuration error: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const database = await resolveDatabase(env, say);
  let stopping = false;
  const app = await createApp({ env, databaseUrl: database.url }).catch(async (e) => {
    await database.stop();
    throw e;
  });
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
    } finally {
      await database.stop();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: env.port, host: env.host });
  say(`listening on http://${env.host}:${env.port} (Swagger UI at /docs)`);
}

main().catch((e) => {
  process.stderr.write(`failed to start: ${e?.stack ?? e}\n`);
  process.exit(1);
});
