import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Called inside the transaction that mapped users to a group (channels enroll late joiners here). */
export type GroupMembersAddedListener = (manager: EntityManager, accountId: string, groupId: string, userIds: string[]) => Promise<void>;

/** Called inside the transaction that put a group (with its subtree) under a new parent. */
export type GroupSubtreeMovedListener = (manager: EntityManager, accountId: string, groupId: string) => Promise<void>;

/** The seam other Enabley features hook into when users join a group, or a group moves in the tree. */
@Injectable()
export class GroupMembershipEvents {
  private readonly listeners: GroupMembersAddedListener[] = [];
  private readonly moveListeners: GroupSubtreeMovedListener[] = [];

  onMembersAdded(listener: GroupMembersAddedListener): void {
    this.listeners.push(listener);
  }

  onSubtreeMoved(listener: GroupSubtreeMovedListener): void {
    this.moveListeners.push(listener);
  }

  async subtreeMoved(manager: EntityManager, accountId: string, groupId: string): Promise<void> {
    for (const listener of this.moveListeners) await listener(manager, accountId, groupId);
  }

  async membersAdded(manager: EntityManager, accountId: string, groupId: string, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    for (const listener of this.listeners) await listener(manager, accountId, groupId, userIds);
  }
}
