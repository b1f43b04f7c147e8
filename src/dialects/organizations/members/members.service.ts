import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { AppAbility } from '../../../core/policy/app-ability';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { ContentLevel, OrganizationLevel, permissionOf } from '../common/levels';
import { ORG_MEMBER } from '../organizations.policy';
import { MAX_RESULT_ITEMS, MemberDto, UserOrganizationDto } from './member.dto';
import { rows } from '../../../core/database/sql';

interface MemberRow {
  code: string;
  name: string;
  department: string | null;
  permission_organization: OrganizationLevel;
  permission_content: ContentLevel;
}

interface UserMembershipRow {
  code: string;
  name: string;
  department: string | null;
  permission_organization: OrganizationLevel;
  permission_content: ContentLevel;
}

/**
 * The attributes an ORG_MEMBER read is decided on (the loader's { accountId, organizationId }), as
 * columns of `organization_member m JOIN organization o`. `permissionOrganization` only appears in
 * write rules, which this filter never reads.
 */
const MEMBERSHIP_COLUMNS: ColumnMap = {
  accountId: (p) => `o.account_id = ANY(${p}::uuid[])`,
  organizationId: (p) => `m.organization_id = ANY(${p}::uuid[])`,
};

/** The display name of a member: the full name, else the username. */
export const MEMBER_NAME_SQL = `COALESCE(NULLIF(u.full_name, ''), u.username)`;

/** Reads memberships: one query per list, whatever its length. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  async list(organizationId: string): Promise<MemberDto[]> {
    const found = await rows<MemberRow>(
      this.db,
      `SELECT u.identifier AS code, ${MEMBER_NAME_SQL} AS name, d.name AS department, m.permission_organization, m.permission_content
         FROM organization_member m
         JOIN "user" u ON u.id = m.user_id
         LEFT JOIN organization_department d ON d.id = m.department_id
        WHERE m.organization_id = $1
        ORDER BY u.identifier
        LIMIT $2`,
      [organizationId, MAX_RESULT_ITEMS],
    );
    return found.map((r) => ({ code: r.code, name: r.name, department: r.department, permission: permissionOf(r.permission_organization, r.permission_content) }));
  }

  /** A user's memberships, limited to the organizations whose members the caller may read. */
  async listForUser(accountId: string, userId: string, ability: AppAbility): Promise<UserOrganizationDto[]> {
    const params: unknown[] = [userId, accountId];
    const filter = readFilter(ability, 'read', ORG_MEMBER, MEMBERSHIP_COLUMNS, params);
    params.push(MAX_RESULT_ITEMS);
    const found = await rows<UserMembershipRow>(
      this.db,
      `SELECT o.code, o.name, d.name AS department, m.permission_organization, m.permission_content
         FROM organization_member m
         JOIN organization o ON o.id = m.organization_id
         LEFT JOIN organization_department d ON d.id = m.department_id
        WHERE m.user_id = $1 AND o.account_id = $2 AND ${filter}
        ORDER BY o.code
        LIMIT $${params.length}`,
      params,
    );
    return found.map((r) => ({
      code: r.code,
      name: r.name,
      link: this.link(r.code),
      department: r.department,
      permission: permissionOf(r.permission_organization, r.permission_content),
    }));
  }

  /** Where the organization is found: this API's GET /organization, absolute when PUBLIC_URL is set. */
  link(code: string): string {
    const base = (this.env.publicUrl ?? '').replace(/\/+$/, '');
    return `${base}/organization?organization=${encodeURIComponent(code)}`;
  }
}
