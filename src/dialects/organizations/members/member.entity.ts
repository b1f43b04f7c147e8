import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../../core/users/user.entity';
import { CONTENT_LEVELS, ContentLevel, ORGANIZATION_LEVELS, OrganizationLevel } from '../common/levels';
import { Department } from '../departments/department.entity';
import { Organization } from '../organizations/organization.entity';

/**
 * A core user's membership in an organization. The levels are the effective ones (copied from the
 * department when one is given, kept in step when the department changes); deleting the department
 * leaves the member with those levels and no department. The keys to the organization and the user are
 * enforced per statement by triggers, not by foreign keys checked row by row (migration SetBasedMembershipKeys):
 * same integrity and ON DELETE CASCADE, at the cost of one query per bulk upsert instead of two per row.
 */
@Entity('organization_member')
export class Member {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Index('IDX_organization_member_user')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @ManyToOne(() => User, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  // Partial: most members have no department, and every lookup names one (department changes, SET NULL on
  // delete); a bulk upsert of 10,000 members then maintains one index fewer.
  @Index('IDX_organization_member_department', { where: '"department_id" IS NOT NULL' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  @Column({ name: 'permission_organization', type: 'enum', enum: ORGANIZATION_LEVELS, enumName: 'organization_level', default: 'member' })
  permissionOrganization: OrganizationLevel;

  @Column({ name: 'permission_content', type: 'enum', enum: CONTENT_LEVELS, enumName: 'content_level', default: 'none' })
  permissionContent: ContentLevel;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
