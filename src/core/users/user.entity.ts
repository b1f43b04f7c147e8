import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Account } from '../accounts/account.entity';

/**
 * The one identity table every dialect reads and writes. `userId` is Triboo's integer id,
 * `identifier` the external id (Enabley identifier, Organizations code).
 */
@Entity('user')
@Index('UQ_user_account_identifier', ['accountId', 'identifier'], { unique: true })
@Index('UQ_user_account_username', ['accountId', 'username'], { unique: true })
@Index('UQ_user_account_username_key', ['accountId', 'usernameKey'], { unique: true })
@Index('UQ_user_account_email', { synchronize: false })
@Index('IDX_user_account_user_id', ['accountId', 'userId'])
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_user_user_id', { unique: true })
  @Column({ name: 'user_id', type: 'integer' })
  @Generated('increment')
  userId: number;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'text' })
  identifier: string;

  /** Stored NFC, as given (username-rules.ts). */
  @Column({ type: 'text' })
  username: string;

  /** usernameKey(username): what makes "admin", "Admin" and "ａｄｍｉｎ" one user; computed by the users service. */
  @Column({ name: 'username_key', type: 'text', select: false })
  usernameKey: string;

  /** Unique per account case-insensitively: a functional index on lower(email), see migrations. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'first_name', type: 'text', default: '' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text', default: '' })
  lastName: string;

  @Column({ name: 'full_name', type: 'text', default: '' })
  fullName: string;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  @Column({ name: 'is_superuser', type: 'boolean', default: false })
  isSuperuser: boolean;

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
