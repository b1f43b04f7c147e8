import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { AppAbility } from '../../../core/policy/app-ability';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { ORG_MANAGED } from '../organizations.policy';
import { Organization } from './organization.entity';
import { rows } from '../../../core/database/sql';

export const MAX_ORGANIZATIONS_LISTED = 10000;

/** The attributes the organization loaders give the guard, as columns of `organization o`. */
const ORGANIZATION_COLUMNS: ColumnMap = {
  accountId: (p) => `o.account_id = ANY(${p}::uuid[])`,
  organizationId: (p) => `o.id = ANY(${p}::uuid[])`,
};

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly orgs: Repository<Organization>) {}

  /** Account admins see every organization of the account; users those they own or manage (the ORG_MANAGED rules). */
  async list(principal: Principal, ability: AppAbility): Promise<Pick<Organization, 'code' | 'name'>[]> {
    const params: unknown[] = [principal.accountId];
    const filter = readFilter(ability, 'read', ORG_MANAGED, ORGANIZATION_COLUMNS, params);
    params.push(MAX_ORGANIZATIONS_LISTED);
    return rows(this.orgs.manager, `SELECT o.code, o.name FROM organization o WHERE o.account_id = $1 AND ${filter} ORDER BY o.code LIMIT $${params.length}`, params);
  }

  /** By id: the policy guard already found it by code in the caller's account. */
  async get(id: string): Promise<Organization> {
    const org = await this.orgs.findOneBy({ id });
    if (!org) throw ApiError.notFound('No such organization.');
    return org;
  }

  async create(principal: Principal, code: string, name: string): Promise<Organization> {
    const result = await this.orgs
      .createQueryBuilder()
      .insert()
      .values({ accountId: principal.accountId, code, name, ownerId: principal.kind === 'user' ? (principal.userId ?? null) : null })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (!result.raw.length) throw ApiError.conflict(`An organization with code "${code}" already exists.`, 'code');
    return this.get(result.raw[0].id);
  }

  async rename(id: string, name: string): Promise<Organization> {
    const org = await this.get(id);
    await this.orgs.update({ id }, { name });
    return { ...org, name };
  }

  /** Removes it with its departments and memberships (foreign keys cascade in the same statement). */
  async remove(id: string): Promise<Organization> {
    const org = await this.get(id);
    await this.orgs.delete({ id });
    return org;
  }
}
