import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { AppAbility } from '../../../core/policy/app-ability';
import { ORG, subjectOf } from '../organizations.policy';
import { Organization } from './organization.entity';

export const MAX_ORGANIZATIONS_LISTED = 10000;

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly orgs: Repository<Organization>) {}

  /** Account admins see every organization of the account; users those they own or manage. */
  async list(principal: Principal, ability: AppAbility): Promise<Pick<Organization, 'code' | 'name'>[]> {
    const q = this.orgs
      .createQueryBuilder('o')
      .select(['o.code', 'o.name'])
      .where('o.account_id = :accountId', { accountId: principal.accountId })
      .orderBy('o.code')
      .limit(MAX_ORGANIZATIONS_LISTED);
    if (!ability.can('read', subjectOf(ORG, { accountId: principal.accountId }))) {
      if (!principal.userId) return [];
      q.andWhere(
        `(o.owner_id = :userId OR EXISTS (SELECT 1 FROM organization_member m
            WHERE m.organization_id = o.id AND m.user_id = :userId AND m.permission_organization IN ('supervisor', 'admin')))`,
        { userId: principal.userId },
      );
    }
    return q.getMany();
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
