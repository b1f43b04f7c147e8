import { EnableyPaginationModule } from '../pagination/pagination.module';
import { Module } from '@nestjs/common';
import { CertificatePdfLinks } from './certificate-pdf-link.service';
import { CertificatesController } from './certificates.controller';
import { EnableyCertificatesService } from './enabley-certificates.service';

/** Enabley certificates over the core certificates (src/core/learning/certificates). */
@Module({
  imports: [EnableyPaginationModule],
  controllers: [CertificatesController],
  providers: [EnableyCertificatesService, CertificatePdfLinks],
})
export class EnableyCertificatesModule {}
