import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rows } from '../../../core/database/sql';

/** Sub-accounts are created on first use by name, within the caller's account. */
@Injectable()
export class SubAccountsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The id of the named sub-account, created if missing (safe under concurrency). */
  async ensure(accountId: string, name: string, manager: EntityManager = this.db.manager): Promise<string> {
    const found = await rows<{ id: string }>(
      manager,
      `INSERT INTO enabley_sub_account (account_id, name) VALUES ($1, $2)
       ON CONFLICT (account_id, name) DO UPDATE SET name = EXCLUDED.name
       RETURNING id`,
      [accountId, name],
    );
    return found[0].id;
  }

  async findId(accountId: string, name: string, manager: EntityManager = this.db.manager): Promise<string | null> {
    const found = await rows<{ id: string }>(manager, 'SELECT id FROM enabley_sub_account WHERE account_id = $1 AND name = $2', [accountId, name]);
    return found[0]?.id ?? null;
  }

  /** Puts the user in the named sub-account (created on first use). */
  async addUser(accountId: string, userId: string, name: string, manager: EntityManager = this.db.manager): Promise<void> {
    const id = await this.ensure(accountId, name, manager);
    await rows(manager, 'INSERT INTO enabley_user_sub_account (user_id, sub_account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, id]);
  }

  /** Removes the user from the named sub-account; false when the user was not in it. */
  async removeUser(accountId: string, userId: string, name: string): Promise<boolean> {
    const deleted = await rows(
      this.db,
      `DELETE FROM enabley_user_sub_account us USING enabley_sub_account s
        WHERE us.sub_account_id = s.id AND s.account_id = $1 AND s.name = $3 AND us.user_id = $2
        RETURNING us.user_id`,
      [accountId, userId, name],
    );
    return deleted.length > 0;
  }
}
