import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { isoDate } from '../../../core/http/ids';
import { rows } from '../../../core/database/sql';
import { enableyUserId } from '../users/enabley-user-id';
import { USER_PROFILES_MAX, UserProfileDataDto, UserProfileInfoDto } from './user-profile.dto';

interface ProfileRow {
  identifier: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}

const toInfo = (r: ProfileRow): UserProfileInfoDto => ({ identifier: r.identifier, name: r.name, created: isoDate(r.created_at)!, modified: isoDate(r.updated_at)! });

/** User profiles and the users mapped to them. */
@Injectable()
export class UserProfilesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One statement: insert, or update by identifier; `xmax = 0` tells a fresh row from an updated one. */
  async upsert(accountId: string, d: UserProfileDataDto): Promise<{ created: boolean; profile: UserProfileInfoDto }> {
    const [row] = await rows<ProfileRow & { created: boolean }>(
      this.db,
      `INSERT INTO enabley_user_profile (account_id, identifier, name) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, identifier) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
       RETURNING identifier, name, created_at, updated_at, (xmax = 0) AS created`,
      [accountId, d.identifier, d.name],
    );
    return { created: row.created, profile: toInfo(row) };
  }

  async findMany(accountId: string, identifiers: string[]): Promise<UserProfileInfoDto[]> {
    if (!identifiers.length) return [];
    const found = await rows<ProfileRow>(
      this.db,
      'SELECT identifier, name, created_at, updated_at FROM enabley_user_profile WHERE account_id = $1 AND identifier = ANY($2::text[]) ORDER BY identifier',
      [accountId, identifiers],
    );
    return found.map(toInfo);
  }

  async profilesOfUser(accountId: string, userId: string): Promise<UserProfileInfoDto[]> {
    const found = await rows<ProfileRow>(
      this.db,
      `SELECT p.identifier, p.name, p.created_at, p.updated_at FROM enabley_user_profile p JOIN enabley_user_profile_member pm ON pm.profile_id = p.id
        WHERE p.account_id = $1 AND pm.user_id = $2 ORDER BY p.identifier LIMIT ${USER_PROFILES_MAX}`,
      [accountId, userId],
    );
    return found.map(toInfo);
  }

  /** Maps the user to the profile; with replace, removes the user's other profile mappings in the same transaction. */
  async assign(accountId: string, profileId: string, userIdentifier: string, replace: boolean): Promise<void> {
    await this.db.transaction(async (m) => {
      const userId = await this.userId(m, accountId, userIdentifier);
      if (replace)
        await rows(
          m,
          `DELETE FROM enabley_user_profile_member pm USING enabley_user_profile p
            WHERE pm.profile_id = p.id AND p.account_id = $1 AND pm.user_id = $2 AND pm.profile_id <> $3`,
          [accountId, userId, profileId],
        );
      await rows(m, 'INSERT INTO enabley_user_profile_member (profile_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [profileId, userId]);
    });
  }

  async unassign(accountId: string, profileId: string, userIdentifier: string): Promise<void> {
    const userId = await this.userId(this.db.manager, accountId, userIdentifier);
    const deleted = await rows(this.db, 'DELETE FROM enabley_user_profile_member WHERE profile_id = $1 AND user_id = $2 RETURNING user_id', [profileId, userId]);
    if (!deleted.length) throw ApiError.notFound('The user does not have that profile.');
  }

  private async userId(m: EntityManager, accountId: string, identifier: string): Promise<string> {
    const id = await enableyUserId(m, accountId, identifier);
    if (!id) throw ApiError.notFound('No user with that identifier.');
    return id;
  }
}
