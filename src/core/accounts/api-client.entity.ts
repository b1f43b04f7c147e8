import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity';

/** Machine credentials of one account; the secret is stored as an argon2id hash only. */
@Entity('api_client')
export class ApiClient {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_api_client_client_id', { unique: true })
  @Column({ name: 'client_id', type: 'text' })
  clientId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  @Index('IDX_api_client_account')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
