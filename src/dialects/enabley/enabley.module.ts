import { Module } from '@nestjs/common';
import { EnableyCatalogModule } from './catalog/catalog.module';
import { EnableyCertificatesModule } from './certificates/certificates.module';
import { EnableyChannelsModule } from './channels/channels.module';
import { EnableyPerformanceModule } from './performance/performance.module';

/** The Enabley API v1-v4 (seed 002): one module, a feature module per resource. */
@Module({
  imports: [EnableyChannelsModule, EnableyCertificatesModule, EnableyPerformanceModule, EnableyCatalogModule],
})
export class EnableyModule {}
