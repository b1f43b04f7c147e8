import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Called inside the transaction that mapped users to a group (channels enroll late joiners here). */
export type GroupMembersAddedListener = (manager: EntityManager, accountId: string, groupId: string, userIds: string[]) => Promise<void>;

/** The seam other Enabley features hook into when users join a group. */
@Injectable()
export class GroupMembershipEvents {
  private readonly listeners: GroupMembersAddedListener[] = [];

  onMembersAdded(listener: GroupMembersAddedListener): void {
    this.listeners.push(listener);
  }

  async membersAdded(manager: EntityManager, accountId: string, groupId: string, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    for (const listener of this.listeners) await listener(manager, accountId, groupId, userIds);
  }
}
