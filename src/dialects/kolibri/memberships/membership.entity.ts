import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../core/users/user.entity';
import { KolibriCollection } from '../common/collection.entity';

/**
 * A user's membership of a classroom or learner group. Its keys to the user and the collections are
 * enforced per statement by triggers, not by foreign keys checked row by row (migration SetBasedMembershipKeys):
 * same integrity and ON DELETE CASCADE, at the cost of one query per bulk insert instead of three per row.
 */
@Entity('kolibri_membership')
@Index('UQ_kolibri_membership_user_collection', ['userId', 'collectionId'], { unique: true })
@Index('IDX_kolibri_membership_collection', ['collectionId', 'userId'])
@Index('IDX_kolibri_membership_facility', ['facilityId'])
export class KolibriMembership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'collection_id', type: 'uuid' })
  collectionId: string;

  @ManyToOne(() => KolibriCollection, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'collection_id' })
  collection?: KolibriCollection;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId: string;

  @ManyToOne(() => KolibriCollection, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'facility_id' })
  facility?: KolibriCollection;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
