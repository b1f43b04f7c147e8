import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../core/auth/principal';
import { AppAbilityBuilder, COURSE, COURSES } from '../../core/policy/app-ability';
import { RoleRuleProvider, RoleRules } from '../../core/policy/policy-extensions';
import { STUDIO_ADMIN_ACCESS_GROUP } from './users/access-groups';
import { rows } from '../../core/database/sql';

/**
 * Triboo platform roles in the policy layer: Platform Admin (is_staff) and Super Platform Admin
 * (is_staff + is_superuser) administer their own account (the core's account-admin check); Studio Admin
 * may read and edit courses, wherever they are served: the grant is on the core course subjects.
 * API clients already administer their account (core rule); learners get nothing here.
 */
@Injectable()
@RoleRules({
  subjects: ['TribooCourse', COURSE, COURSES],
  accountAdminSql: 'EXISTS (SELECT 1 FROM triboo_user_profile p WHERE p.user_id = $1 AND p.account_id = $2 AND (p.is_staff OR p.is_superuser))',
})
export class TribooRoleRules implements RoleRuleProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    const fetched = await rows<unknown>(
      this.db,
      `SELECT 1 FROM triboo_user_profile p JOIN triboo_user_group g ON g.user_id = p.user_id AND g.group_name = $2
        WHERE p.user_id = $1 AND p.account_id = $3`,
      [principal.userId, STUDIO_ADMIN_ACCESS_GROUP, principal.accountId],
    );
    if (!fetched.length) return;
    // A Studio Admin reads and edits courses (and creates them in the collection), but does not manage
    // their membership (enrollments).
    const scope = { accountId: principal.accountId };
    can('read', ['TribooCourse', COURSES, COURSE], scope);
    can('create', COURSES, scope);
    can('update', COURSE, scope);
  }
}
