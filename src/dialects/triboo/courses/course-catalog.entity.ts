import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Channel } from '../../../core/learning/channel.entity';

/**
 * Triboo catalog extras of a COURSE channel that the core channel does not carry (Open edX
 * course overview fields). Absent row: the course answers the channel's own values and empty lists.
 */
@Entity('triboo_course_catalog')
export class TribooCourseCatalog {
  @PrimaryColumn({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @OneToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  @Column({ name: 'overview_url', type: 'text', nullable: true })
  overviewUrl: string | null;

  @Column({ name: 'banner_image_url', type: 'text', nullable: true })
  bannerImageUrl: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  instructors: string[];

  @Column({ type: 'text', nullable: true })
  effort: string | null;

  /** Programmatic-enrollment countries (course_country). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countries: string[];

  /** Programmatic-enrollment learning groups (enrollment_learning_groups). */
  @Column({ name: 'learning_groups', type: 'text', array: true, default: () => "'{}'" })
  learningGroups: string[];
}
