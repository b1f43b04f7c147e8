import { Module } from '@nestjs/common';
import { registerErrorFormat } from '../../core/http/error-formats';
import { AuthModule } from '../../core/auth/auth.module';
import { ClassroomsController } from './classrooms/classrooms.controller';
import { ClassroomsService } from './classrooms/classrooms.service';
import { CollectionsRepository } from './common/collections.repository';
import { KolibriAccess } from './common/kolibri-access';
import { KolibriRoleRules } from './common/kolibri.rules';
import { SUBJECT_LOADERS } from './common/subject-loaders';
import { FacilitiesController } from './facilities/facilities.controller';
import { FacilitiesService } from './facilities/facilities.service';
import { FacilityDatasetsController } from './facility-datasets/facility-datasets.controller';
import { FacilityDatasetsService } from './facility-datasets/facility-datasets.service';
import { FacilityLinksService } from './facility-users/facility-links.service';
import { FacilityUsersController } from './facility-users/facility-users.controller';
import { FacilityUsersService } from './facility-users/facility-users.service';
import { LearnerGroupsController } from './learner-groups/learner-groups.controller';
import { LearnerGroupsService } from './learner-groups/learner-groups.service';
import { MembershipsController } from './memberships/memberships.controller';
import { MembershipsService } from './memberships/memberships.service';
import { RolesController } from './roles/roles.controller';
import { RolesService } from './roles/roles.service';
import { SessionController } from './session/session.controller';
import { SessionFactsService } from './session/session-facts.service';
import { kolibriErrorFormat } from './kolibri.error-format';

// Registered at import, not through DI: the Fastify frameworkErrors/clientError handlers (app.factory.ts) are built outside Nest.
registerErrorFormat(kolibriErrorFormat);

/** Kolibri's auth API (/api/auth/): session login/logout, facilities, datasets, facility users, classrooms, learner groups, memberships, roles. */
@Module({
  imports: [AuthModule],
  controllers: [SessionController, FacilitiesController, FacilityDatasetsController, FacilityUsersController, ClassroomsController, LearnerGroupsController, MembershipsController, RolesController],
  providers: [
    KolibriAccess,
    KolibriRoleRules,
    SessionFactsService,
    ...SUBJECT_LOADERS,
    CollectionsRepository,
    FacilityLinksService,
    FacilitiesService,
    FacilityDatasetsService,
    FacilityUsersService,
    ClassroomsService,
    LearnerGroupsService,
    MembershipsService,
    RolesService,
  ],
})
export class KolibriModule {}
