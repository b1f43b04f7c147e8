import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * Entities are discovered by file name so a dialect adds tables by adding `*.entity.ts` files;
 * migrations live in the top-level migrations/ folder and run on start through runMigrationsLocked
 * (migrate.ts), never through TypeORM's unlocked `migrationsRun`.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  // Running from TypeScript sources (jest) or from the compiled dist/ tree.
  const fromSource = __filename.endsWith('.ts');
  const root = join(__dirname, '..', '..');
  const migrations = fromSource ? join(root, '..', 'migrations', '*.ts') : join(root, 'migrations', '*.js');
  return {
    type: 'postgres',
    url,
    entities: [join(root, '**', fromSource ? '*.entity.ts' : '*.entity.js')],
    migrations: [migrations],
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
