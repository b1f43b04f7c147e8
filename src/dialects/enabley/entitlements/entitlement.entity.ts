import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '../../../core/accounts/account.entity';
import { User } from '../../../core/users/user.entity';

/**
 * A user's role (MANAGER/EDITOR/INSTRUCTOR) on an entity (COURSE/GROUP/WORKSPACE), stored generically by
 * entity type + external identifier. The entity's existence is checked when the entitlement is added
 * (EntitlementTargetResolver per type); owners of an entity type remove its entitlements when it is deleted.
 */
@Entity('enabley_entitlement')
@Index('UQ_enabley_entitlement', ['userId', 'entityType', 'entityIdentifier', 'userRole'], { unique: true })
@Index('IDX_enabley_entitlement_entity', ['accountId', 'entityType', 'entityIdentifier'])
export class EnableyEntitlement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_identifier', type: 'text' })
  entityIdentifier: string;

  @Column({ name: 'user_role', type: 'text' })
  userRole: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
