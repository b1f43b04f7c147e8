import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, CoreOptions } from './core/core.module';
import { EnableyModule } from './dialects/enabley/enabley.module';
import { KolibriModule } from './dialects/kolibri/kolibri.module';
import { OrganizationsModule } from './dialects/organizations/organizations.module';
import { ScimModule } from './dialects/scim/scim.module';
import { TribooModule } from './dialects/triboo/triboo.module';

/** The core, then one module per dialect (the four seed dialects and SCIM); dialects never import each other. */
@Module({})
export class AppModule {
  static register(opts: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(opts), KolibriModule, OrganizationsModule, EnableyModule, TribooModule, ScimModule],
    };
  }
}
