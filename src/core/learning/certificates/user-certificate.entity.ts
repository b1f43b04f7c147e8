import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../users/user.entity';
import { Certificate } from './certificate.entity';

/**
 * A user's standing on a certificate: whether it is required of them, and when they were certified
 * and until when. The state (CERTIFIED, ABOUT_TO_EXPIRE, EXPIRED ...) is derived from the dates on read.
 */
@Entity('user_certificate')
@Index('IDX_user_certificate_certificate', ['certificateId'])
export class UserCertificate {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'certificate_id', type: 'uuid' })
  certificateId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => Certificate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'certificate_id' })
  certificate?: Certificate;

  @Column({ name: 'is_required', type: 'boolean', default: false })
  isRequired: boolean;

  @Column({ name: 'certification_date', type: 'timestamptz', nullable: true })
  certificationDate: Date | null;

  @Column({ name: 'expiration_date', type: 'timestamptz', nullable: true })
  expirationDate: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
