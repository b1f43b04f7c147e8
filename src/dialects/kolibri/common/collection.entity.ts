import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '../../../core/accounts/account.entity';

export type CollectionKind = 'facility' | 'classroom' | 'learnergroup';

/**
 * Kolibri's Collection tree in one table: a facility (no parent), its classrooms (parent = the
 * facility) and their learner groups (parent = the classroom). Deleting a node deletes its
 * subtree, memberships and roles through ON DELETE CASCADE, in the deleting statement itself.
 */
@Entity('kolibri_collection')
@Index('IDX_kolibri_collection_account_kind', ['accountId', 'kind'])
@Index('IDX_kolibri_collection_facility_kind', ['facilityId', 'kind'])
@Index('UQ_kolibri_collection_parent_name', ['parentId', 'name'], { unique: true })
export class KolibriCollection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'text' })
  kind: CollectionKind;

  @Column({ type: 'text' })
  name: string;

  /** null for a facility. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => KolibriCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: KolibriCollection;

  /** The facility the node belongs to (itself for a facility). */
  @Column({ name: 'facility_id', type: 'uuid', nullable: true })
  facilityId: string | null;

  @ManyToOne(() => KolibriCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facility_id' })
  facility?: KolibriCollection;

  @Column({ name: 'last_successful_sync', type: 'timestamptz', nullable: true })
  lastSuccessfulSync: Date | null;

  @Column({ name: 'last_failed_sync', type: 'timestamptz', nullable: true })
  lastFailedSync: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
