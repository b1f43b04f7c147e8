import { Module } from '@nestjs/common';
import { registerErrorFormat } from '../../core/http/error-formats';
import { AuthModule } from '../../core/auth/auth.module';
import { BulkEnrollController } from './bulk-enroll/bulk-enroll.controller';
import { BulkEnrollService } from './bulk-enroll/bulk-enroll.service';
import { EnrollmentAuditService } from './bulk-enroll/enrollment-audit.service';
import { PageAnchorCache } from './common/page-anchors';
import { OAuth2Controller } from './oauth2/oauth2.controller';
import { oauth2ErrorFormat } from './oauth2/oauth2.error-format';
import { TribooCoursesController } from './courses/courses.controller';
import { TribooCoursesService } from './courses/courses.service';
import { TribooEnrollmentController } from './enrollments/enrollment.controller';
import { TribooEnrollmentService } from './enrollments/enrollment.service';
import { CourseProgressController } from './progress-reports/course-progress.controller';
import { CourseProgressService } from './progress-reports/course-progress.service';
import { UserProgressController } from './progress-reports/user-progress.controller';
import { UserProgressService } from './progress-reports/user-progress.service';
import { TribooRoleRules } from './triboo.rules';
import { TribooUsersDeactivateController } from './users/users-deactivate.controller';
import { TribooUsersDeactivateService } from './users/users-deactivate.service';
import { TribooUsersListService } from './users/users-list.service';
import { TribooUsersController } from './users/users.controller';
import { TribooUsersService } from './users/users.service';
import { TribooUserLoader } from './users/user.loader';
import { TribooReportLoader } from './progress-reports/report.loader';
import { tribooErrorFormat } from './triboo.error-format';

// Registered at import, not through DI: the Fastify frameworkErrors/clientError handlers (app.factory.ts) are built outside Nest.
registerErrorFormat(tribooErrorFormat);
registerErrorFormat(oauth2ErrorFormat);

/** Triboo (Open edX) dialect: the OAuth2 token endpoints, users with profiles, courses, progress reports, bulk enroll, enrollment. */
@Module({
  imports: [AuthModule],
  controllers: [
    OAuth2Controller,
    TribooUsersController,
    TribooUsersDeactivateController,
    TribooCoursesController,
    UserProgressController,
    CourseProgressController,
    BulkEnrollController,
    TribooEnrollmentController,
  ],
  providers: [
    PageAnchorCache,
    TribooRoleRules,
    TribooUsersService,
    TribooUserLoader,
    TribooReportLoader,
    TribooUsersListService,
    TribooUsersDeactivateService,
    TribooCoursesService,
    UserProgressService,
    CourseProgressService,
    BulkEnrollService,
    EnrollmentAuditService,
    TribooEnrollmentService,
  ],
})
export class TribooModule {}
