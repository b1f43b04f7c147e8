import { Module } from '@nestjs/common';
import { registerErrorFormat } from '../../core/http/error-formats';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsService } from './departments/departments.service';
import { MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';
import { MembershipsWriter } from './members/memberships-writer.service';
import { UserOrganizationsController } from './members/user-organizations.controller';
import { Organization } from './organizations/organization.entity';
import { OrganizationsController } from './organizations/organizations.controller';
import { OrganizationsService } from './organizations/organizations.service';
import { OrganizationDepartmentsLoader, OrganizationLoader, OrganizationMembersLoader, OrganizationUserLoader } from './organizations.loaders';
import { OrganizationRoleRules } from './organizations.rules';
import { organizationsErrorFormat } from './organizations.error-format';

// Registered at import, not through DI: the Fastify frameworkErrors/clientError handlers (app.factory.ts) are built outside Nest.
registerErrorFormat(organizationsErrorFormat);

/** The Organizations API (seed 001): organizations, departments, members; paths with a literal colon. */
@Module({
  // Only OrganizationsService injects a repository; the other tables are read and written by SQL.
  imports: [TypeOrmModule.forFeature([Organization])],
  controllers: [OrganizationsController, DepartmentsController, MembersController, UserOrganizationsController],
  providers: [
    OrganizationsService,
    DepartmentsService,
    MembersService,
    MembershipsWriter,
    OrganizationRoleRules,
    OrganizationLoader,
    OrganizationDepartmentsLoader,
    OrganizationMembersLoader,
    OrganizationUserLoader,
  ],
})
export class OrganizationsModule {}
