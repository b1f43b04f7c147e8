import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../../core/users/user.entity';
import { EnableySubAccount } from './sub-account.entity';

/** A user's membership in a sub-account; a user may belong to several. */
@Entity('enabley_user_sub_account')
@Index('IDX_enabley_user_sub_account_sub', ['subAccountId'])
export class EnableyUserSubAccount {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'sub_account_id', type: 'uuid' })
  subAccountId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => EnableySubAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sub_account_id' })
  subAccount?: EnableySubAccount;
}
