import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

export interface DatabaseModuleOptions {
  url: string;
  /** false: build repositories without connecting (used to generate the OpenAPI document). */
  connect?: boolean;
}

@Module({})
export class DatabaseModule {
  static forRoot(opts: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(opts.url),
          manualInitialization: opts.connect === false,
          retryAttempts: 2,
          retryDelay: 500,
        }),
      ],
    };
  }
}
