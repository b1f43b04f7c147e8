import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../core/auth/principal';
import { AppAbilityBuilder } from '../../core/policy/app-ability';
import { RoleRuleProvider, RoleRules } from '../../core/policy/policy-extensions';
import { STUDIO_ADMIN_ACCESS_GROUP } from './users/access-groups';

/** Policy subject names of a course (a COURSE channel) and of the course collection, as the channel routes declare them. */
const COURSE_SUBJECTS = ['EnableyChannel'];
const COURSE_COLLECTION_SUBJECTS = ['EnableyChannels'];

/**
 * Triboo platform roles in the policy layer: Platform Admin (is_staff) and Super Platform Admin
 * (is_staff + is_superuser) administer their own account; Studio Admin may read and edit courses.
 * API clients already administer their account (core rule); learners get nothing here.
 */
@Injectable()
@RoleRules()
export class TribooRoleRules implements RoleRuleProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    const rows: { is_staff: boolean; is_superuser: boolean; studio: boolean }[] = await this.db.query(
      `SELECT p.is_staff, p.is_superuser,
              EXISTS (SELECT 1 FROM triboo_user_group g WHERE g.user_id = p.user_id AND g.group_name = $2) AS studio
         FROM triboo_user_profile p WHERE p.user_id = $1 AND p.account_id = $3`,
      [principal.userId, STUDIO_ADMIN_ACCESS_GROUP, principal.accountId],
    );
    const r = rows[0];
    if (!r) return;
    const scope = { accountId: principal.accountId };
    if (r.is_staff || r.is_superuser) {
      can('manage', 'all', scope);
      return;
    }
    if (r.studio) {
      // Courses are channels, edited through the Enabley channel routes: the policy subjects are shared
      // by name (the one policy layer), so a Studio Admin reads and edits them there too, but does not
      // manage their membership (enrollments).
      can('read', ['TribooCourse', ...COURSE_COLLECTION_SUBJECTS, ...COURSE_SUBJECTS], scope);
      can('create', COURSE_COLLECTION_SUBJECTS, scope);
      can('update', COURSE_SUBJECTS, scope);
    }
  }
}
