import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { rows } from '../../../core/database/sql';
import { ApiError } from '../../../core/http/api-error';
import { NotificationsService } from '../../../core/notifications/notifications.service';
import { AppAbility, PolicyAction } from '../../../core/policy/app-ability';
import { ContentLevel, DEFAULT_CONTENT_LEVEL, DEFAULT_ORGANIZATION_LEVEL, OrganizationLevel, permissionOf } from '../common/levels';
import { ORG_MEMBER, subjectOf } from '../organizations.policy';
import { AssignResultDto, RemoveResultDto } from './member.dto';
import { MEMBER_NAME_SQL } from './members.service';
import { membershipMessage } from './membership-message';

export interface AssignRequest {
  organizations: string[];
  users: string[];
  department?: string;
  /** true: a department the organization lacks is a 400; false: the permission_ fields apply there. */
  departmentRequired: boolean;
  organizationLevel?: OrganizationLevel;
  contentLevel?: ContentLevel;
  notify: boolean;
  /** true: an unknown user is a 404 (single-user routes); false: reported in unknown_users. */
  userRequired: boolean;
}

interface OrgRow {
  id: string;
  code: string;
  name: string;
}

export interface UserRow {
  id: string;
  identifier: string;
  name: string;
  email: string | null;
}

interface DepartmentRow {
  organization_id: string;
  id: string;
  name: string;
  permission_organization: OrganizationLevel;
  permission_content: ContentLevel;
}

interface Plan {
  org: OrgRow;
  departmentId: string | null;
  department: string | null;
  organizationLevel: OrganizationLevel;
  contentLevel: ContentLevel;
}

/**
 * Writes memberships for many users × many organizations in one transaction with set-based SQL:
 * every organization is resolved and authorized first, so one bad code writes nothing.
 */
@Injectable()
export class MembershipsWriter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  assign(principal: Principal, ability: AppAbility, req: AssignRequest): Promise<AssignResultDto> {
    const accountId = principal.accountId;
    return this.db.transaction(async (m) => {
      const orgs = await this.organizations(m, accountId, ability, req.organizations);
      const { users, unknown } = await this.users(m, accountId, req.users, req.userRequired);
      const departments = req.department
        ? await rows<DepartmentRow>(
            m,
            `SELECT organization_id, id, name, permission_organization, permission_content
               FROM organization_department WHERE organization_id = ANY($1::uuid[]) AND name = $2`,
            [orgs.map((o) => o.id), req.department],
          )
        : [];
      const byOrg = new Map(departments.map((d) => [d.organization_id, d]));
      const plans: Plan[] = orgs.map((org) => {
        const d = byOrg.get(org.id);
        if (!d && req.department && req.departmentRequired) throw ApiError.badRequest(`Organization "${org.code}" has no department "${req.department}".`, 'department');
        return {
          org,
          departmentId: d?.id ?? null,
          department: d?.name ?? null,
          organizationLevel: d?.permission_organization ?? req.organizationLevel ?? DEFAULT_ORGANIZATION_LEVEL,
          contentLevel: d?.permission_content ?? req.contentLevel ?? DEFAULT_CONTENT_LEVEL,
        };
      });
      for (const p of plans) this.authorize(ability, 'update', accountId, p.org, p.organizationLevel);
      let notified = 0;
      if (users.length) {
        await this.authorizeExistingAdmins(m, ability, 'update', accountId, orgs, users);
        // An unchanged membership is not rewritten (ON CONFLICT still locks the row): no new row version and no
        // three index entries for it, which made a repeated call cost as much as the first.
        await rows(
          m,
          `INSERT INTO organization_member (organization_id, user_id, department_id, permission_organization, permission_content)
           SELECT o.organization_id, u.user_id, o.department_id, o.po::organization_level, o.pc::content_level
             FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS o(organization_id, department_id, po, pc)
            CROSS JOIN unnest($5::uuid[]) AS u(user_id)
           ON CONFLICT (organization_id, user_id) DO UPDATE
              SET department_id = EXCLUDED.department_id, permission_organization = EXCLUDED.permission_organization,
                  permission_content = EXCLUDED.permission_content, updated_at = now()
            WHERE (organization_member.department_id, organization_member.permission_organization, organization_member.permission_content)
                  IS DISTINCT FROM (EXCLUDED.department_id, EXCLUDED.permission_organization, EXCLUDED.permission_content)`,
          [plans.map((p) => p.org.id), plans.map((p) => p.departmentId), plans.map((p) => p.organizationLevel), plans.map((p) => p.contentLevel), users.map((u) => u.id)],
        );
        if (req.notify) {
          notified = await this.notifications.enqueuePersonalized(m, {
            keyPrefix: `organizations:members:${randomUUID()}:`,
            accountId,
            ...membershipMessage(plans),
            recipients: users.map((u) => ({ userId: u.id, to: u.email, name: u.name })),
          });
        }
      }
      const members = plans.flatMap((p) =>
        users.map((u) => ({ organization: p.org.code, code: u.identifier, name: u.name, department: p.department, permission: permissionOf(p.organizationLevel, p.contentLevel) })),
      );
      return { members, unknown_users: unknown, notified };
    });
  }

  remove(principal: Principal, ability: AppAbility, organizations: string[], userCodes: string[], userRequired: boolean): Promise<RemoveResultDto> {
    const accountId = principal.accountId;
    return this.db.transaction(async (m) => {
      const orgs = await this.organizations(m, accountId, ability, organizations);
      const { users, unknown } = await this.users(m, accountId, userCodes, userRequired);
      for (const org of orgs) this.authorize(ability, 'delete', accountId, org);
      if (!users.length) return { removed: [], unknown_users: unknown };
      await this.authorizeExistingAdmins(m, ability, 'delete', accountId, orgs, users);
      const deleted = await rows<{ organization_id: string; user_id: string }>(
        m,
        'DELETE FROM organization_member WHERE organization_id = ANY($1::uuid[]) AND user_id = ANY($2::uuid[]) RETURNING organization_id, user_id',
        [orgs.map((o) => o.id), users.map((u) => u.id)],
      );
      const orgCode = new Map(orgs.map((o) => [o.id, o.code]));
      const userCode = new Map(users.map((u) => [u.id, u.identifier]));
      const removed = deleted
        .map((r) => ({ organization: orgCode.get(r.organization_id)!, code: userCode.get(r.user_id)! }))
        .sort((a, b) => a.organization.localeCompare(b.organization) || a.code.localeCompare(b.code));
      return { removed, unknown_users: unknown };
    });
  }

  /** Every code must name an organization of the account whose members the caller may read; else 404 naming them. */
  private async organizations(m: EntityManager, accountId: string, ability: AppAbility, codes: string[]): Promise<OrgRow[]> {
    const found = await rows<OrgRow>(m, 'SELECT id, code, name FROM organization WHERE account_id = $1 AND code = ANY($2::text[])', [accountId, codes]);
    const visible = new Map(found.filter((o) => ability.can('read', subjectOf(ORG_MEMBER, { accountId, organizationId: o.id }))).map((o) => [o.code, o]));
    const missing = codes.filter((c) => !visible.has(c));
    if (missing.length) throw ApiError.notFound(`No organization ${missing.map((c) => `"${c}"`).join(', ')}; nothing was changed.`);
    return codes.map((c) => visible.get(c)!);
  }

  private async users(m: EntityManager, accountId: string, codes: string[], required: boolean): Promise<{ users: UserRow[]; unknown: string[] }> {
    const matched = await rows<UserRow>(
      m,
      `SELECT u.id, u.identifier, ${MEMBER_NAME_SQL} AS name, u.email FROM "user" u WHERE u.account_id = $1 AND u.identifier = ANY($2::text[])`,
      [accountId, codes],
    );
    const found = new Map(matched.map((u) => [u.identifier, u]));
    const unknown = codes.filter((c) => !found.has(c));
    if (required && unknown.length) throw ApiError.notFound(`No user "${unknown[0]}".`);
    return { users: codes.filter((c) => found.has(c)).map((c) => found.get(c)!), unknown };
  }

  /** The role rules decide, per organization and per level (a supervisor cannot grant or touch admin). */
  private authorize(ability: AppAbility, action: PolicyAction, accountId: string, org: OrgRow, level?: OrganizationLevel): void {
    const attrs = { accountId, organizationId: org.id, ...(level ? { permissionOrganization: level } : {}) };
    if (ability.can(action, subjectOf(ORG_MEMBER, attrs))) return;
    throw ApiError.forbidden(
      level === 'admin'
        ? `Only an admin of organization "${org.code}" may grant, change or remove admin membership.`
        : `You may not manage the members of organization "${org.code}".`,
    );
  }

  /** Changing or removing an existing admin needs the right to grant admin. */
  private async authorizeExistingAdmins(m: EntityManager, ability: AppAbility, action: PolicyAction, accountId: string, orgs: OrgRow[], users: UserRow[]): Promise<void> {
    const admins = await rows<{ organization_id: string }>(
      m,
      `SELECT DISTINCT organization_id FROM organization_member
        WHERE organization_id = ANY($1::uuid[]) AND user_id = ANY($2::uuid[]) AND permission_organization = 'admin'`,
      [orgs.map((o) => o.id), users.map((u) => u.id)],
    );
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const r of admins) this.authorize(ability, action, accountId, byId.get(r.organization_id)!, 'admin');
  }
}
