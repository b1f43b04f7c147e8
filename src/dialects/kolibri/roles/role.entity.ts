import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../core/users/user.entity';
import { KolibriCollection } from '../common/collection.entity';

/** A user's role (admin, coach, assignable_coach) on a facility or classroom. */
@Entity('kolibri_role')
@Index('UQ_kolibri_role_user_collection_kind', ['userId', 'collectionId', 'kind'], { unique: true })
@Index('IDX_kolibri_role_collection', ['collectionId', 'kind'])
@Index('IDX_kolibri_role_facility', ['facilityId'])
export class KolibriRole {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'collection_id', type: 'uuid' })
  collectionId: string;

  @ManyToOne(() => KolibriCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collection_id' })
  collection?: KolibriCollection;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId: string;

  @ManyToOne(() => KolibriCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facility_id' })
  facility?: KolibriCollection;

  @Column({ type: 'text' })
  kind: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
