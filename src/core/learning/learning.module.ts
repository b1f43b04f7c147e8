import { Global, Module } from '@nestjs/common';
import { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentsService } from './enrollments.service';
import { CertificatesService } from './certificates/certificates.service';

/** Courses (= COURSE channels), their content, enrollments, progress and certificates: shared by every dialect. */
@Global()
@Module({
  providers: [EnrollmentsRepository, EnrollmentsService, CertificatesService],
  exports: [EnrollmentsService, CertificatesService],
})
export class LearningModule {}
