import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Files under `dir` (in every subfolder when `deep`) whose name ends with `suffix`, sorted by path. */
function filesEndingWith(dir: string, suffix: string, deep: boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && deep && entry.name !== 'node_modules') found.push(...filesEndingWith(path, suffix, deep));
    else if (entry.isFile() && entry.name.endsWith(suffix) && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found.sort();
}

/**
 * The classes those files export, as TypeORM's glob loader would find them (it keeps every exported
 * function and lets the decorators' metadata pick the entities). Found and required synchronously here:
 * that loader looks for the nearest package.json of every file with asynchronous stats, 100-200 ms of the
 * cold start (issue 13) for files the application has required already.
 */
function exportedClasses(dir: string, suffix: string, deep: boolean): (() => unknown)[] {
  return filesEndingWith(dir, suffix, deep).flatMap((file) =>
    Object.values(require(file) as Record<string, unknown>).filter((v): v is () => unknown => typeof v === 'function'),
  );
}

/**
 * Entities are discovered by file name so a dialect adds tables by adding `*.entity.ts` files;
 * migrations live in the top-level migrations/ folder and run on start through runMigrationsLocked
 * (migrate.ts), never through TypeORM's unlocked `migrationsRun`.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  // Running from TypeScript sources (jest) or from the compiled dist/ tree.
  const fromSource = __filename.endsWith('.ts');
  const root = join(__dirname, '..', '..');
  const ext = fromSource ? '.ts' : '.js';
  return {
    type: 'postgres',
    url,
    entities: exportedClasses(root, `.entity${ext}`, true),
    migrations: exportedClasses(fromSource ? join(root, '..', 'migrations') : join(root, 'migrations'), ext, false),
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    // Failed queries surface as ApiErrors or as logged 500s; TypeORM's own console logging would duplicate them.
    logging: false,
    extra: { max: 20 },
    ...extra,
  } as DataSourceOptions;
}
