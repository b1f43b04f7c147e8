import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Account } from '../accounts/account.entity';

export const CHANNEL_TYPES = ['COURSE', 'STREAM'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export const CHANNEL_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

/**
 * A channel; a COURSE channel is the course every dialect sees (Triboo `course_id` = `identifier`).
 * Dialect-only attributes (Enabley sub-account, Triboo catalog fields) live in the dialects' own tables.
 */
@Entity('channel')
@Index('UQ_channel_account_identifier', ['accountId', 'identifier'], { unique: true })
@Index('IDX_channel_account_type_created', ['accountId', 'type', 'createdAt', 'id'])
@Index('IDX_channel_master', ['masterChannelId'])
export class Channel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  /** External id; for courses the Triboo course key, e.g. course-v1:org+code+run. */
  @Column({ type: 'text' })
  identifier: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'COURSE' })
  type: ChannelType;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: ChannelStatus;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'start_date', type: 'timestamptz', nullable: true })
  startDate: Date | null;

  @Column({ name: 'end_date', type: 'timestamptz', nullable: true })
  endDate: Date | null;

  /** Expected duration in minutes. */
  @Column({ type: 'integer', nullable: true })
  duration: number | null;

  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'image_url', type: 'text', nullable: true })
  imageUrl: string | null;

  /** A master channel is a template others are instantiated from. */
  @Column({ name: 'is_master', type: 'boolean', default: false })
  isMaster: boolean;

  @Column({ type: 'boolean', default: true })
  published: boolean;

  @Column({ name: 'master_channel_id', type: 'uuid', nullable: true })
  masterChannelId: string | null;

  @ManyToOne(() => Channel, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'master_channel_id' })
  masterChannel?: Channel | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
