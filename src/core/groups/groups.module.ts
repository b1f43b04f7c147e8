import { Global, Module } from '@nestjs/common';
import { GroupMembersService } from './group-members.service';
import { GroupMembershipEvents } from './group-membership.events';

/** The platform's groups (entities in this folder): membership writes and their events, for every dialect. */
@Global()
@Module({
  providers: [GroupMembershipEvents, GroupMembersService],
  exports: [GroupMembershipEvents, GroupMembersService],
})
export class GroupsModule {}
