import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { ContentLevel, OrganizationLevel, permissionOf } from '../common/levels';
import { DepartmentDto } from './department.dto';
import { rows } from '../../../core/database/sql';

export const MAX_DEPARTMENTS_LISTED = 10000;

interface DepartmentRow {
  name: string;
  permission_organization: OrganizationLevel;
  permission_content: ContentLevel;
}

const toDto = (r: DepartmentRow): DepartmentDto => ({ name: r.name, permission: permissionOf(r.permission_organization, r.permission_content) });

@Injectable()
export class DepartmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(organizationId: string): Promise<DepartmentDto[]> {
    const fetched = await rows<DepartmentRow>(
      this.db,
      'SELECT name, permission_organization, permission_content FROM organization_department WHERE organization_id = $1 ORDER BY name LIMIT $2',
      [organizationId, MAX_DEPARTMENTS_LISTED],
    );
    return fetched.map(toDto);
  }

  /** Creates the department or changes its levels; its members get the new levels in the same transaction. */
  async save(organizationId: string, name: string, organization: OrganizationLevel, content: ContentLevel): Promise<DepartmentDto> {
    return this.db.transaction(async (m) => {
      const [row] = await rows<DepartmentRow & { id: string }>(
        m,
        `INSERT INTO organization_department (organization_id, name, permission_organization, permission_content)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (organization_id, name) DO UPDATE SET permission_organization = EXCLUDED.permission_organization, permission_content = EXCLUDED.permission_content
         RETURNING id, name, permission_organization, permission_content`,
        [organizationId, name, organization, content],
      );
      await rows(
        m,
        `UPDATE organization_member SET permission_organization = $2, permission_content = $3, updated_at = now()
          WHERE department_id = $1 AND (permission_organization <> $2 OR permission_content <> $3)`,
        [row.id, organization, content],
      );
      return toDto(row);
    });
  }

  /** Its members stay members with the levels they had, and no department. */
  async remove(organizationId: string, name: string): Promise<DepartmentDto> {
    const fetched = await rows<DepartmentRow>(
      this.db,
      'DELETE FROM organization_department WHERE organization_id = $1 AND name = $2 RETURNING name, permission_organization, permission_content',
      [organizationId, name],
    );
    if (!fetched.length) throw ApiError.notFound(`No department "${name}" in this organization.`);
    return toDto(fetched[0]);
  }
}
