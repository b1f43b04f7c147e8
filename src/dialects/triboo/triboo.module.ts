import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PageAnchorCache } from './common/page-anchors';
import { TribooRoleRules } from './triboo-role-rules';
import { TribooUserGroup } from './users/user-group.entity';
import { TribooUserProfile } from './users/user-profile.entity';
import { TribooUsersDeactivateController } from './users/users-deactivate.controller';
import { TribooUsersDeactivateService } from './users/users-deactivate.service';
import { TribooUsersListService } from './users/users-list.service';
import { TribooUsersController } from './users/users.controller';
import { TribooUsersService } from './users/users.service';

/** Triboo (Open edX) dialect: users with profiles, courses, progress reports, bulk enroll, enrollment. */
@Module({
  imports: [TypeOrmModule.forFeature([TribooUserProfile, TribooUserGroup])],
  controllers: [TribooUsersController, TribooUsersDeactivateController],
  providers: [PageAnchorCache, TribooRoleRules, TribooUsersService, TribooUsersListService, TribooUsersDeactivateService],
})
export class TribooModule {}
