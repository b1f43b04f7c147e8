import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Channel } from './channel.entity';
import { ContentItem } from './content-item.entity';
import { ContentProgress } from './content-progress.entity';
import { Enrollment } from './enrollment.entity';
import { EnrollmentsService } from './enrollments.service';
import { PendingEnrollment } from './pending-enrollment.entity';

/** Courses (= COURSE channels), their content, enrollments and progress: shared by every dialect. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Channel, ContentItem, ContentProgress, Enrollment, PendingEnrollment])],
  providers: [EnrollmentsService],
  exports: [EnrollmentsService, TypeOrmModule],
})
export class LearningModule {}
