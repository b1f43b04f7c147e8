import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../../core/users/user.entity';
import { KolibriCollection } from '../common/collection.entity';

/**
 * Links a core user to the one facility it belongs to. `username` mirrors the core username so a
 * functional unique index (facility_id, lower(username)) keeps usernames unique per facility
 * case-insensitively (hand-written in the migration, like the core's email index).
 */
@Entity('kolibri_facility_user')
@Index('IDX_kolibri_facility_user_facility', ['facilityId', 'username'])
@Index('IDX_kolibri_facility_user_account', ['accountId', 'username'])
@Index('UQ_kolibri_facility_user_username', { synchronize: false })
export class KolibriFacilityUser {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId: string;

  @ManyToOne(() => KolibriCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facility_id' })
  facility?: KolibriCollection;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  username: string;
}
