import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../../core/users/user.entity';

/**
 * What SCIM says about a core user that no other dialect has: the identity provider's externalId, the
 * email's type and the enterprise extension. The SCIM dialect's own table (one row per user it has written),
 * keyed by the user; `account_id` is repeated so the filters' lookups stay on one account's index.
 */
@Entity('scim_user')
@Index('IDX_scim_user_external_id', ['accountId', 'externalId'])
@Index('IDX_scim_user_employee_number', ['accountId', 'employeeNumber'])
export class ScimUser {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ name: 'email_type', type: 'text', nullable: true })
  emailType: string | null;

  @Column({ name: 'employee_number', type: 'text', nullable: true })
  employeeNumber: string | null;

  @Column({ type: 'text', nullable: true })
  department: string | null;

  @Column({ type: 'text', nullable: true })
  organization: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
