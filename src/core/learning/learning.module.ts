import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Channel } from './channel.entity';
import { ContentItem } from './content-item.entity';
import { ContentProgress } from './content-progress.entity';
import { Enrollment } from './enrollment.entity';
import { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentsService } from './enrollments.service';
import { PendingEnrollment } from './pending-enrollment.entity';
import { Certificate } from './certificates/certificate.entity';
import { CertificateCourse } from './certificates/certificate-course.entity';
import { CertificatesService } from './certificates/certificates.service';
import { UserCertificate } from './certificates/user-certificate.entity';

/** Courses (= COURSE channels), their content, enrollments, progress and certificates: shared by every dialect. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Channel, ContentItem, ContentProgress, Enrollment, PendingEnrollment, Certificate, CertificateCourse, UserCertificate])],
  providers: [EnrollmentsRepository, EnrollmentsService, CertificatesService],
  exports: [EnrollmentsService, CertificatesService, TypeOrmModule],
})
export class LearningModule {}
