import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../../../core/users/users.service';
import { DeactivationDto } from './user.dto';
import { rows } from '../../../core/database/sql';

/**
 * DEACTIVATE USER in one transaction whatever the number of users: one locking read, one update.
 * Results follow the request order; a user named twice is deactivated once, then already inactive.
 */
@Injectable()
export class TribooUsersDeactivateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  async deactivate(accountId: string, by: 'user_id' | 'username', keys: (number | string)[]): Promise<DeactivationDto[]> {
    return this.db.transaction(async (m) => {
      const cond = by === 'user_id' ? 'user_id = ANY($2::int[])' : 'username = ANY($2::text[])';
      const found = await rows<{ id: string; user_id: number; username: string; is_active: boolean }>(
        m,
        `SELECT id, user_id, username, is_active FROM "user" WHERE account_id = $1 AND ${cond} ORDER BY id FOR UPDATE`,
        [accountId, keys],
      );
      const changed = new Set(await this.users.deactivateMany(m, accountId, found.filter((r) => r.is_active).map((r) => r.id)));
      const byKey = new Map(found.map((r) => [by === 'user_id' ? String(r.user_id) : r.username, r]));
      const reported = new Set<string>();
      return keys.map((k) => {
        const r = byKey.get(String(k));
        if (!r) return { username: by === 'username' ? String(k) : null, status: 'user_not_found', user_id: by === 'user_id' ? Number(k) : null };
        const first = !reported.has(r.id);
        reported.add(r.id);
        return { username: r.username, status: first && changed.has(r.id) ? 'user_deactivated' : 'user_already_inactive', user_id: r.user_id };
      });
    });
  }
}
