import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppEnv } from './env';

export const APP_ENV = Symbol('APP_ENV');

/**
 * The environment is validated once, before Nest starts (env.ts, so a bad value stops the start with
 * one line); this module hands the typed result to @nestjs/config and to anyone injecting APP_ENV.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(env: AppEnv): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ app: env })] })],
      providers: [{ provide: APP_ENV, useValue: env }],
      exports: [APP_ENV],
    };
  }
}
