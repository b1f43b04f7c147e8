import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../../../core/accounts/account.entity';
import { User } from '../../../core/users/user.entity';

/**
 * The Triboo (Open edX) profile of a core user: every profile field of the seed's create example,
 * plus the Django flags is_staff / is_superuser that `platform_role` sets. These flags are account
 * scoped (a Triboo "Super Platform Admin" administers its own account), never the core platform
 * superuser. A user created through another dialect has no row; readers fall back to the defaults.
 */
@Entity('triboo_user_profile')
@Index('IDX_triboo_user_profile_account_supervisor', ['accountId', 'ltSupervisor'])
export class TribooUserProfile {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ name: 'is_staff', type: 'boolean', default: false })
  isStaff: boolean;

  @Column({ name: 'is_superuser', type: 'boolean', default: false })
  isSuperuser: boolean;

  @Column({ type: 'text', default: '' })
  language: string;

  @Column({ type: 'text', default: '' })
  location: string;

  @Column({ name: 'year_of_birth', type: 'integer', nullable: true })
  yearOfBirth: number | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'text', nullable: true })
  goals: string | null;

  @Column({ name: 'level_of_education', type: 'text', nullable: true })
  levelOfEducation: string | null;

  @Column({ type: 'text', nullable: true })
  gender: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', default: '' })
  country: string;

  @Column({ name: 'lt_custom_country', type: 'text', nullable: true })
  ltCustomCountry: string | null;

  @Column({ name: 'lt_area', type: 'text', nullable: true })
  ltArea: string | null;

  @Column({ name: 'lt_sub_area', type: 'text', nullable: true })
  ltSubArea: string | null;

  @Column({ name: 'lt_address', type: 'text', nullable: true })
  ltAddress: string | null;

  @Column({ name: 'lt_address_2', type: 'text', nullable: true })
  ltAddress2: string | null;

  @Column({ name: 'lt_phone_number', type: 'text', nullable: true })
  ltPhoneNumber: string | null;

  @Column({ name: 'lt_gdpr', type: 'boolean', default: false })
  ltGdpr: boolean;

  @Column({ name: 'lt_company', type: 'text', nullable: true })
  ltCompany: string | null;

  @Column({ name: 'lt_employee_id', type: 'text', nullable: true })
  ltEmployeeId: string | null;

  /** YYYY-MM-DD. */
  @Column({ name: 'lt_hire_date', type: 'text', nullable: true })
  ltHireDate: string | null;

  @Column({ name: 'lt_level', type: 'text', nullable: true })
  ltLevel: string | null;

  @Column({ name: 'lt_job_code', type: 'text', nullable: true })
  ltJobCode: string | null;

  @Column({ name: 'lt_job_description', type: 'text', nullable: true })
  ltJobDescription: string | null;

  @Column({ name: 'lt_department', type: 'text', nullable: true })
  ltDepartment: string | null;

  /** Username of the supervisor; the progress report's `supervisor=` filter reads it. */
  @Column({ name: 'lt_supervisor', type: 'text', nullable: true })
  ltSupervisor: string | null;

  @Column({ name: 'lt_learning_group', type: 'text', nullable: true })
  ltLearningGroup: string | null;

  @Column({ name: 'lt_exempt_status', type: 'boolean', default: true })
  ltExemptStatus: boolean;

  @Column({ name: 'lt_is_tos_agreed', type: 'boolean', default: false })
  ltIsTosAgreed: boolean;

  @Column({ name: 'lt_comments', type: 'text', nullable: true })
  ltComments: string | null;

  @Column({ name: 'lt_ilt_supervisor', type: 'text', nullable: true })
  ltIltSupervisor: string | null;
}
