import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../../core/database/pg-error';
import { ApiError } from '../../../core/http/api-error';
import { toHexId } from '../../../core/http/ids';
import { AppAbility } from '../../../core/policy/app-ability';
import { firstDenied } from '../../../core/policy/assert-can';
import { UserConflictError, UsersService } from '../../../core/users/users.service';
import { rows } from '../../../core/database/sql';

export const FACILITY_USERNAME_INDEX = 'UQ_kolibri_facility_user_username';

/** Translates the per-facility case-insensitive username index into Kolibri's 400 UNIQUE. */
export function rethrowUsernameConflict(e: unknown): never {
  if (isUniqueViolation(e, FACILITY_USERNAME_INDEX)) throw ApiError.conflict('A user with that username already exists in this facility.', 'username', 400);
  throw e;
}

/**
 * A user belongs to at most one facility. A core user (created by any dialect) joins a facility
 * when a role or membership there is created for them; one in another facility is refused.
 */
@Injectable()
export class FacilityLinksService implements OnModuleInit {
  constructor(private readonly users: UsersService) {}

  /**
   * A user renamed through any dialect keeps its facility's copy of the username in step, so the
   * per-facility case-insensitive uniqueness holds and the old name is free again there.
   */
  onModuleInit(): void {
    this.users.onRename(async (m, user) => {
      try {
        await rows(m, `UPDATE kolibri_facility_user SET username = $2 WHERE user_id = $1 AND username <> $2`, [user.id, user.username]);
      } catch (e) {
        if (isUniqueViolation(e, FACILITY_USERNAME_INDEX)) throw new UserConflictError('username');
        throw e;
      }
    });
  }

  /**
   * Links every user of `userIds` to the facility, set-based; 400 naming `field` for unknown users or another facility.
   * Taking in a user who is in no facility yet (created through another dialect) is administering that
   * account user, so the caller must be allowed to update it as it is now (outside any facility):
   * account administrators are, a facility admin is not (403), or it could take over any account user.
   */
  async join(m: EntityManager, ability: AppAbility, accountId: string, facilityId: string, userIds: string[], field = 'user'): Promise<void> {
    const ids = [...new Set(userIds)];
    const users = await rows<{ id: string; facility_id: string | null }>(
      m,
      `SELECT u.id::text, fu.facility_id::text AS facility_id
         FROM "user" u LEFT JOIN kolibri_facility_user fu ON fu.user_id = u.id
        WHERE u.account_id = $1 AND u.id = ANY($2::uuid[])`,
      [accountId, ids],
    );
    if (users.length !== ids.length) {
      const found = new Set(users.map((r) => r.id));
      const missing = ids.find((id) => !found.has(id))!;
      throw ApiError.badRequest(`Invalid pk "${toHexId(missing)}" - object does not exist.`, field);
    }
    const other = users.find((r) => r.facility_id && r.facility_id !== facilityId);
    if (other) throw ApiError.badRequest(`User ${toHexId(other.id)} belongs to another facility.`, field);
    const joining = users.filter((r) => !r.facility_id).map((r) => r.id);
    if (!joining.length) return;
    const denied = firstDenied(ability, 'update', 'FacilityUser', joining.map((userId) => ({ accountId, facilityId: null, userId, classroomIds: [] })));
    if (denied >= 0) throw ApiError.forbidden(`User ${toHexId(joining[denied])} is not in this facility; only an account administrator may add them.`);
    try {
      const inserted = await rows<{ user_id: string }>(
        m,
        `INSERT INTO kolibri_facility_user (user_id, facility_id, account_id, username)
         SELECT u.id, $2, u.account_id, u.username FROM "user" u WHERE u.id = ANY($1::uuid[])
         ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
        [joining, facilityId],
      );
      // Another request linked one of them meanwhile: it must have been to this facility.
      if (inserted.length !== joining.length) {
        const [{ n }] = await rows<{ n: number }>(m, `SELECT count(*)::int AS n FROM kolibri_facility_user WHERE user_id = ANY($1::uuid[]) AND facility_id <> $2`, [joining, facilityId]);
        if (n) throw ApiError.badRequest('A user belongs to another facility.', field);
      }
    } catch (e) {
      rethrowUsernameConflict(e);
    }
  }
}
