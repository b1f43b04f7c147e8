import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { PolicySubjectLoader, SubjectLoader } from '../../../core/policy/policy-extensions';

/** Loads a channel by its identifier in the caller's account, for @Can(..., 'Channel', { param }). */
@Injectable()
@SubjectLoader('Channel')
export class ChannelSubjectLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(identifier: string, principal: Principal): Promise<{ accountId: string; id: string } | null> {
    const [row] = await this.db.query(`SELECT id, account_id FROM channel WHERE account_id = $1 AND identifier = $2`, [principal.accountId, identifier]);
    return row ? { accountId: row.account_id, id: row.id } : null;
  }
}
