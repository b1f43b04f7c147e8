import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, CoreOptions } from './core/core.module';
import { EnableyModule } from './dialects/enabley/enabley.module';

/** The core, then one module per dialect; dialects never import each other. */
@Module({})
export class AppModule {
  static register(opts: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(opts), EnableyModule],
    };
  }
}
