import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { ChangeFeed } from './change-feed';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './migrate';

export interface DatabaseModuleOptions {
  url: string;
  /** false: build repositories without connecting (used to generate the OpenAPI document). */
  connect?: boolean;
}

/** Connects, then runs the pending migrations under the advisory lock before anything else uses the database. */
async function connectAndMigrate(options: DataSourceOptions & { manualInitialization?: boolean }): Promise<DataSource> {
  const dataSource = new DataSource(options);
  if (options.manualInitialization) return dataSource;
  await dataSource.initialize();
  try {
    const done = await runMigrationsLocked(dataSource);
    if (done.length) new Logger('Database').log(`ran ${done.length} migration(s): ${done.map((m) => m.name).join(', ')}`);
  } catch (e) {
    await dataSource.destroy().catch(() => undefined);
    throw e;
  }
  return dataSource;
}

@Module({})
export class DatabaseModule {
  static forRoot(opts: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_ENV],
          useFactory: (env: AppEnv) => ({
            ...dataSourceOptions(opts.url, { extra: { max: 20, preparedStatements: env.databasePoolMode !== 'transaction' } }),
            manualInitialization: opts.connect === false,
            retryAttempts: 2,
            retryDelay: 500,
          }),
          dataSourceFactory: (options) => connectAndMigrate(options as DataSourceOptions & { manualInitialization?: boolean }),
        }),
      ],
      providers: [
        {
          provide: ChangeFeed,
          inject: [APP_ENV, DataSource],
          // With the embedded PostgreSQL there is no DATABASE_URL: the feed listens on the embedded URL.
          useFactory: (env: AppEnv, dataSource: DataSource) =>
            new ChangeFeed(env.databaseListenUrl ?? opts.url, opts.connect !== false, (dataSource.driver as unknown as { master?: Pool }).master),
        },
      ],
      exports: [ChangeFeed],
    };
  }
}
