import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../core/database/data-source-options';
import { scratchDatabase } from './scratch-database';

/**
 * `npm run migration:generate -- <Name>`: runs the committed migrations on a scratch database,
 * diffs the entities against it with TypeORM's schema builder (what `typeorm migration:generate`
 * does) and writes migrations/<timestamp>-<Name>.ts. With --check, fails when a migration is pending.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const name = args.find((a) => !a.startsWith('--'));
  if (!check && !name) {
    process.stderr.write('usage: npm run migration:generate -- <Name>\n');
    return 2;
  }
  const db = await scratchDatabase();
  const ds = new DataSource({ ...dataSourceOptions(db.url), migrationsRun: false, logging: false });
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    const up = sql.upQueries.map((q) => q.query);
    const down = sql.downQueries.reverse().map((q) => q.query);
    if (check) {
      if (up.length === 0) {
        process.stdout.write('migrations: no pending schema change\n');
        return 0;
      }
      process.stderr.write(`migrations: the entities differ from the migrations; run npm run migration:generate -- <Name>:\n${up.join(';\n')}\n`);
      return 1;
    }
    if (up.length === 0) {
      process.stdout.write('No changes in database schema were found.\n');
      return 0;
    }
    const ts = Date.now();
    const className = `${name!.replace(/[^A-Za-z0-9]/g, '')}${ts}`;
    const line = (q: string) => `    await queryRunner.query(\`${q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\`);`;
    const body = [
      "import { MigrationInterface, QueryRunner } from 'typeorm';",
      '',
      `export class ${className} implements MigrationInterface {`,
      `  name = '${className}';`,
      '',
      '  public async up(queryRunner: QueryRunner): Promise<void> {',
      ...up.map(line),
      '  }',
      '',
      '  public async down(queryRunner: QueryRunner): Promise<void> {',
      ...down.map(line),
      '  }',
      '}',
      '',
    ].join('\n');
    const file = join(process.cwd(), 'migrations', `${ts}-${name}.ts`);
    writeFileSync(file, body);
    process.stdout.write(`wrote ${file}\n`);
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  },
);
