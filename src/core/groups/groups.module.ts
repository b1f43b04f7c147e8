import { Global, Module } from '@nestjs/common';
import { GroupMembersService } from './group-members.service';
import { GroupMembershipEvents } from './group-membership.events';
import { GroupWriterService } from './group-writer.service';

/** The platform's groups (entities in this folder): the group writer, membership writes and their events, for every dialect. */
@Global()
@Module({
  providers: [GroupMembershipEvents, GroupMembersService, GroupWriterService],
  exports: [GroupMembershipEvents, GroupMembersService, GroupWriterService],
})
export class GroupsModule {}
