import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../core/auth/principal';
import { AppAbilityBuilder } from '../../core/policy/app-ability';
import { RoleRuleProvider, RoleRules } from '../../core/policy/policy-extensions';
import { ORG, ORGANIZATIONS_SUBJECTS, ORG_DEPARTMENT, ORG_MANAGED, ORG_MEMBER, ORG_USER } from './organizations.policy';
import { rows } from '../../core/database/sql';

interface RoleRow {
  organization_id: string;
  role: 'owner' | 'member' | 'teacher' | 'supervisor' | 'admin';
}

/**
 * Organization roles (API clients and account admins already manage their whole account):
 * every member reads its organization, its departments and members; supervisors manage members
 * below admin; admins and the owner manage members and departments and rename; the owner deletes.
 * Any member of an organization may read its own list of memberships.
 */
@Injectable()
@RoleRules({ subjects: ORGANIZATIONS_SUBJECTS })
export class OrganizationRoleRules implements RoleRuleProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    can('read', ORG_USER, { accountId: principal.accountId, userId: principal.userId });
    const fetched = await rows<RoleRow>(
      this.db,
      `SELECT m.organization_id, m.permission_organization::text AS role FROM organization_member m WHERE m.user_id = $1
       UNION ALL
       SELECT o.id, 'owner' FROM organization o WHERE o.owner_id = $1 AND o.account_id = $2`,
      [principal.userId, principal.accountId],
    );
    if (!fetched.length) return;
    const ids = (roles: RoleRow['role'][]) => [...new Set(fetched.filter((r) => roles.includes(r.role)).map((r) => r.organization_id))];
    const all = ids(['owner', 'member', 'teacher', 'supervisor', 'admin']);
    const admin = ids(['owner', 'admin']);
    const supervisor = ids(['supervisor']);
    const accountId = principal.accountId;

    can('read', ORG, { accountId, organizationId: { $in: all } });
    can('read', ORG_DEPARTMENT, { accountId, organizationId: { $in: all } });
    can('read', ORG_MEMBER, { accountId, organizationId: { $in: all } });
    if (supervisor.length) {
      can(['create', 'update', 'delete'], ORG_MEMBER, { accountId, organizationId: { $in: supervisor }, permissionOrganization: { $ne: 'admin' } });
    }
    if (admin.length) {
      can('manage', ORG_MEMBER, { accountId, organizationId: { $in: admin } });
      can('manage', ORG_DEPARTMENT, { accountId, organizationId: { $in: admin } });
      can('update', ORG, { accountId, organizationId: { $in: admin } });
    }
    if (admin.length || supervisor.length) can('read', ORG_MANAGED, { accountId, organizationId: { $in: [...admin, ...supervisor] } });
    const owned = ids(['owner']);
    if (owned.length) can('delete', ORG, { accountId, organizationId: { $in: owned } });
    // Managers look up a user's memberships; the list shows only organizations they may read.
    if (admin.length || supervisor.length) can('read', ORG_USER, { accountId });
  }
}

