import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '../accounts/account.entity';

/**
 * A long-lived bearer secret an identity provider sends to /scim/v2/*. Only its SHA-256 is kept: the token has
 * 256 random bits, so a fast hash is as safe as argon2 and lets every request find it by one index lookup.
 * Revoking deletes the row, so the next request of any process finds nothing.
 */
@Entity('scim_token')
@Index('IDX_scim_token_account', ['accountId', 'createdAt'])
export class ScimToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'text' })
  name: string;

  /** Hex SHA-256 of the token. */
  @Index('UQ_scim_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text', select: false })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
