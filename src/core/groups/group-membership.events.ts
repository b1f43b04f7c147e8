import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Called inside the transaction that mapped users to a group (channels enroll late joiners here). */
export type GroupMembersAddedListener = (manager: EntityManager, accountId: string, groupId: string, userIds: string[]) => Promise<void>;

/** Called inside the transaction that took users out of a group (channels end the enrollments only it gave). */
export type GroupMembersRemovedListener = GroupMembersAddedListener;

/** Called inside the transaction that put a group (with its subtree) under a new parent. */
export type GroupSubtreeMovedListener = (manager: EntityManager, accountId: string, groupId: string) => Promise<void>;

/** Called inside the transaction that deleted a group (Enabley drops the GROUP entitlements naming it). */
export type GroupDeletedListener = (manager: EntityManager, accountId: string, groupId: string, identifier: string) => Promise<void>;

/**
 * The seam the features built on group membership hook into (Enabley's channel-group assignments), whichever
 * dialect changed the membership: GroupMembersService fires them, so Enabley and SCIM have the same effects.
 */
@Injectable()
export class GroupMembershipEvents {
  private readonly listeners: GroupMembersAddedListener[] = [];
  private readonly removeListeners: GroupMembersRemovedListener[] = [];
  private readonly moveListeners: GroupSubtreeMovedListener[] = [];
  private readonly deleteListeners: GroupDeletedListener[] = [];

  onGroupDeleted(listener: GroupDeletedListener): void {
    this.deleteListeners.push(listener);
  }

  async groupDeleted(manager: EntityManager, accountId: string, groupId: string, identifier: string): Promise<void> {
    for (const listener of this.deleteListeners) await listener(manager, accountId, groupId, identifier);
  }

  onMembersAdded(listener: GroupMembersAddedListener): void {
    this.listeners.push(listener);
  }

  onMembersRemoved(listener: GroupMembersRemovedListener): void {
    this.removeListeners.push(listener);
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

  async membersRemoved(manager: EntityManager, accountId: string, groupId: string, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    for (const listener of this.removeListeners) await listener(manager, accountId, groupId, userIds);
  }
}
