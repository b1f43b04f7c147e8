import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Account } from '../accounts/account.entity';

/**
 * A group of the platform, a node of the account's group tree: the group Enabley serves at /api/v1/groups and
 * SCIM at /scim/v2/Groups. The table keeps its name (enabley_group) from when Enabley alone served it. Deleting a group that still has child groups
 * is refused (FK ON DELETE RESTRICT, answered 400); its user mappings go with it (CASCADE).
 */
@Entity('enabley_group')
@Index('UQ_enabley_group_identifier', ['accountId', 'identifier'], { unique: true })
@Index('IDX_enabley_group_parent', ['parentId'])
@Index('IDX_enabley_group_sub_account', ['subAccountId'])
export class EnableyGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'text' })
  identifier: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  type: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => EnableyGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: EnableyGroup;

  @Column({ name: 'sub_account_id', type: 'uuid', nullable: true })
  subAccountId: string | null;

  /**
   * Enabley's sub-account (workspace) of the group. The relation names its entity by string so the core imports
   * no dialect; the foreign key (ON DELETE SET NULL) stays as it was.
   */
  @ManyToOne('EnableySubAccount', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sub_account_id' })
  subAccount?: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
