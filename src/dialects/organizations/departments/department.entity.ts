import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CONTENT_LEVELS, ContentLevel, ORGANIZATION_LEVELS, OrganizationLevel } from '../common/levels';
import { Organization } from '../organizations/organization.entity';

/** A named group of an organization; its members get its two permission levels. */
@Entity('organization_department')
@Index('UQ_organization_department_name', ['organizationId', 'name'], { unique: true })
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'permission_organization', type: 'enum', enum: ORGANIZATION_LEVELS, enumName: 'organization_level', default: 'member' })
  permissionOrganization: OrganizationLevel;

  @Column({ name: 'permission_content', type: 'enum', enum: CONTENT_LEVELS, enumName: 'content_level', default: 'none' })
  permissionContent: ContentLevel;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
