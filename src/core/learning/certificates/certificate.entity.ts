import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Account } from '../../accounts/account.entity';

export const CERTIFICATE_STATUSES = ['ACTIVE', 'INACTIVE', 'ARCHIVED'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const EXPIRATION_PERIODS = ['DAY', 'MONTH', 'YEAR'] as const;
export type ExpirationPeriod = (typeof EXPIRATION_PERIODS)[number];

/**
 * A certificate of an account: completing every course (COURSE channel) linked to it certifies a
 * user; the certification is valid for `expirationDuration` × `expirationPeriod` (forever when unset).
 */
@Entity('certificate')
@Index('UQ_certificate_account_external_id', ['accountId', 'externalCertificateId'], { unique: true })
@Index('IDX_certificate_account_created', ['accountId', 'createdAt', 'id'])
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ name: 'external_certificate_id', type: 'text' })
  externalCertificateId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: CertificateStatus;

  @Column({ name: 'expiration_duration', type: 'integer', nullable: true })
  expirationDuration: number | null;

  @Column({ name: 'expiration_period', type: 'text', nullable: true })
  expirationPeriod: ExpirationPeriod | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
