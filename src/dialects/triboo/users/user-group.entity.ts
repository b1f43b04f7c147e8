import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../../../core/accounts/account.entity';
import { User } from '../../../core/users/user.entity';

/**
 * Membership of a user in one of the Triboo access groups the seed names (STUDIO_ADMIN_ACCESS_GROUP,
 * CATALOG_DENIED_GROUP ...). platform_role, analytics_access and the *_catalog_access flags are
 * written as these rows and read back from them, so a flag and its group never disagree.
 */
@Entity('triboo_user_group')
@Index('IDX_triboo_user_group_account_group', ['accountId', 'groupName'])
export class TribooUserGroup {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'group_name', type: 'text' })
  groupName: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;
}
