import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import { DataSource } from 'typeorm';
import { Principal } from '../../core/auth/principal';
import { AppAbilityBuilder } from '../../core/policy/app-ability';
import { PolicySubjectLoader, RoleRuleProvider, RoleRules, SubjectLoader } from '../../core/policy/policy-extensions';
import { UsersService } from '../../core/users/users.service';

/**
 * Subjects of this dialect. The organization-scoped ones are loaded by organization code and carry
 * { accountId, organizationId }; a membership being written also carries the organization level it
 * grants or holds (`permissionOrganization`), so "a supervisor cannot grant admin" is a rule, not code.
 */
export const ORG = 'Organization';
export const ORG_DEPARTMENT = 'OrganizationDepartment';
export const ORG_MEMBER = 'OrganizationMember';
/**
 * GET /organizations lists "owned and managed organizations" (seed), not every readable one: the
 * organizations whose members the caller manages, as a readable subject so the list is a read filter.
 */
export const ORG_MANAGED = 'ManagedOrganization';
/** A user's list of memberships (/user:organizations), loaded by the user's code. */
export const ORG_USER = 'OrganizationUser';

/** A subject of `type` with these attributes, for ability checks in read filters and bulk calls. */
export function subjectOf(type: string, attrs: Record<string, unknown>): Record<string, unknown> {
  return subject(type, attrs);
}

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
@RoleRules()
export class OrganizationRoleRules implements RoleRuleProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    can('read', ORG_USER, { accountId: principal.accountId, userId: principal.userId });
    const rows: RoleRow[] = await this.db.query(
      `SELECT m.organization_id, m.permission_organization::text AS role FROM organization_member m WHERE m.user_id = $1
       UNION ALL
       SELECT o.id, 'owner' FROM organization o WHERE o.owner_id = $1 AND o.account_id = $2`,
      [principal.userId, principal.accountId],
    );
    if (!rows.length) return;
    const ids = (roles: RoleRow['role'][]) => [...new Set(rows.filter((r) => roles.includes(r.role)).map((r) => r.organization_id))];
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

/** Loads an organization by code in the caller's account: { accountId, organizationId }. */
abstract class OrganizationByCode implements PolicySubjectLoader {
  constructor(protected readonly db: DataSource) {}

  async load(code: string, principal: Principal): Promise<{ accountId: string; organizationId: string } | null> {
    const rows: { id: string; account_id: string }[] = await this.db.query('SELECT id, account_id FROM organization WHERE account_id = $1 AND code = $2', [
      principal.accountId,
      code,
    ]);
    return rows.length ? { accountId: rows[0].account_id, organizationId: rows[0].id } : null;
  }
}

@Injectable()
@SubjectLoader(ORG)
export class OrganizationLoader extends OrganizationByCode {
  constructor(@InjectDataSource() db: DataSource) {
    super(db);
  }
}

@Injectable()
@SubjectLoader(ORG_DEPARTMENT)
export class OrganizationDepartmentsLoader extends OrganizationByCode {
  constructor(@InjectDataSource() db: DataSource) {
    super(db);
  }
}

@Injectable()
@SubjectLoader(ORG_MEMBER)
export class OrganizationMembersLoader extends OrganizationByCode {
  constructor(@InjectDataSource() db: DataSource) {
    super(db);
  }
}

/** Loads a user by code (the core identifier) in the caller's account. */
@Injectable()
@SubjectLoader(ORG_USER)
export class OrganizationUserLoader implements PolicySubjectLoader {
  constructor(private readonly users: UsersService) {}

  async load(code: string, principal: Principal): Promise<{ accountId: string; userId: string } | null> {
    const user = await this.users.findByIdentifier(principal.accountId, code);
    return user ? { accountId: user.accountId, userId: user.id } : null;
  }
}
