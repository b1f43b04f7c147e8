import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { EnrollmentPair, EnrollmentsRepository } from './enrollments.repository';
import { claimPendingOnCreate } from './pending-claim.sql';

export interface EnrollOptions {
  mode?: string;
  /** 'direct', or 'group' for enrollments made through a channel-group assignment. */
  source?: string;
}

/** Called after enrollments' progress changed, with the affected (user, channel) pairs; certificates listen. */
export type ProgressListener = (manager: EntityManager, pairs: { userId: string; channelId: string }[]) => Promise<void>;

/**
 * The one owner of `enrollment` and `pending_enrollment`: dialects translate their wire formats and
 * call these; the statements live in EnrollmentsRepository. Every method is a fixed number of
 * statements whatever the number of users and channels.
 */
@Injectable()
export class EnrollmentsService implements OnModuleInit {
  private readonly progressListeners: ProgressListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly repo: EnrollmentsRepository,
  ) {}

  onModuleInit(): void {
    this.users.onUserChange((manager, user) => this.claimPending(manager, [user]), claimPendingOnCreate);
  }

  onProgressChange(listener: ProgressListener): void {
    this.progressListeners.push(listener);
  }

  /**
   * Enrolls every user in every channel (cross product), reactivating inactive enrollments.
   * Returns the (user, channel) pairs that were not active before.
   */
  async enroll(manager: EntityManager, accountId: string, userIds: string[], channelIds: string[], opts: EnrollOptions = {}): Promise<EnrollmentPair[]> {
    if (!userIds.length || !channelIds.length) return [];
    return this.repo.enroll(manager, accountId, userIds, channelIds, opts.mode ?? 'honor', opts.source ?? 'direct');
  }

  /**
   * enroll() without the answer: for bulk callers that already know the states before. `noneExist`: the caller read,
   * in this transaction, that none of these pairs has an enrollment row (active or not), so the insert skips the
   * conflict check (a row another transaction committed since is still handled, see withoutConflictCheck).
   */
  async enrollAll(manager: EntityManager, accountId: string, userIds: string[], channelIds: string[], opts: EnrollOptions & { noneExist?: boolean } = {}): Promise<void> {
    if (!userIds.length || !channelIds.length) return;
    await this.repo.enrollAll(manager, accountId, userIds, channelIds, opts.mode ?? 'honor', opts.source ?? 'direct', opts.noneExist ?? false);
  }

  /**
   * Enrolls the (user, channel) pairs a dialect's SELECT yields, in one INSERT … SELECT (see
   * EnrollmentsRepository for the SELECT's shape). Returns the pairs that were not active before.
   */
  enrollFrom(manager: EntityManager, accountId: string, pairsSql: string, params: unknown[], source: string): Promise<EnrollmentPair[]> {
    return this.repo.enrollFrom(manager, accountId, pairsSql, params, source);
  }

  /** Deactivates the enrollments of these users in these channels; returns the pairs that were active. */
  async unenroll(manager: EntityManager, userIds: string[], channelIds: string[], source?: string): Promise<EnrollmentPair[]> {
    if (!userIds.length || !channelIds.length) return [];
    return this.repo.unenroll(manager, userIds, channelIds, source ?? null);
  }

  /** Deactivates the channel's active `source` enrollments of the users a dialect's SELECT yields; returns them. */
  unenrollFrom(manager: EntityManager, channelId: string, usersSql: string, params: unknown[], source: string): Promise<EnrollmentPair[]> {
    return this.repo.unenrollFrom(manager, channelId, usersSql, params, source);
  }

  /** Deactivates the `source` enrollments of the pairs the caller's SELECT yields (EnrollmentsRepository.unenrollPairsFrom). */
  unenrollPairsFrom(manager: EntityManager, pairsSql: string, params: unknown[], source: string): Promise<EnrollmentPair[]> {
    return this.repo.unenrollPairsFrom(manager, pairsSql, params, source);
  }

  /** Gives these users' enrollments in these channels the mode (enroll() only sets it on new or reactivated ones). */
  async setMode(manager: EntityManager, userIds: string[], channelIds: string[], mode: string): Promise<void> {
    if (!userIds.length || !channelIds.length) return;
    await this.repo.setMode(manager, userIds, channelIds, mode);
  }

  /**
   * Marks the enrollments finished at 100 %, then recomputes them (so channels with required items
   * take their progress from content_progress again, and certificates are re-evaluated).
   */
  async markFinished(manager: EntityManager, pairs: EnrollmentPair[]): Promise<void> {
    if (!pairs.length) return;
    await this.repo.markFinished(manager, pairs);
    await this.recompute(manager, pairs);
  }

  /** Pre-enrolls emails × channels (claimed when a user with that email appears or becomes active); `noneExist` as for enrollAll. */
  async preEnroll(manager: EntityManager, accountId: string, emails: string[], channelIds: string[], autoEnroll: boolean, opts: { noneExist?: boolean } = {}): Promise<void> {
    if (!emails.length || !channelIds.length) return;
    await this.repo.preEnroll(manager, accountId, emails, channelIds, autoEnroll, opts.noneExist ?? false);
  }

  /** Withdraws the pre-enrollments emails × channels. */
  async removePending(manager: EntityManager, accountId: string, emails: string[], channelIds: string[]): Promise<void> {
    if (!emails.length || !channelIds.length) return;
    await this.repo.removePending(manager, accountId, emails, channelIds);
  }

  /**
   * Turns auto-enroll pre-enrollments of these users' emails into enrollments and removes every
   * pre-enrollment they satisfy. Inactive users and users without email are skipped.
   */
  async claimPending(manager: EntityManager, users: Pick<User, 'id' | 'accountId' | 'email' | 'isActive'>[]): Promise<void> {
    const active = users.filter((u) => u.isActive && u.email);
    if (!active.length) return;
    await this.repo.claimPending(manager, active.map((u) => ({ id: u.id, accountId: u.accountId, email: u.email! })));
  }

  /** Recomputes the given enrollments from content_progress (see EnrollmentsRepository.recompute), then tells the progress listeners. */
  async recompute(manager: EntityManager, pairs: EnrollmentPair[]): Promise<void> {
    if (!pairs.length) return;
    await this.repo.recompute(manager, pairs);
    for (const listener of this.progressListeners) await listener(manager, pairs);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
