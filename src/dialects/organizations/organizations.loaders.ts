import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../core/auth/principal';
import { PolicySubjectLoader, SubjectLoader } from '../../core/policy/policy-extensions';
import { UsersService } from '../../core/users/users.service';
import { ORG, ORG_DEPARTMENT, ORG_MEMBER, ORG_USER } from './organizations.policy';
import { rows } from '../../core/database/sql';

/** Loads an organization by code in the caller's account: { accountId, organizationId }. */
abstract class OrganizationByCode implements PolicySubjectLoader {
  constructor(protected readonly db: DataSource) {}

  async load(code: string, principal: Principal): Promise<{ accountId: string; organizationId: string } | null> {
    const fetched = await rows<{ id: string; account_id: string }>(this.db, 'SELECT id, account_id FROM organization WHERE account_id = $1 AND code = $2', [
      principal.accountId,
      code,
    ]);
    return fetched.length ? { accountId: fetched[0].account_id, organizationId: fetched[0].id } : null;
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
