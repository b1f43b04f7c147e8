import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { PolicySubjectLoader, SubjectLoader } from '../../../core/policy/policy-extensions';
import { EntitlementTarget, EntitlementTargetResolver } from '../entitlements/entitlement-target';
import { ENABLEY_CHANNEL, ENABLEY_CHANNEL_MEMBERSHIP } from '../policy/enabley-subjects';
import { rows } from '../../../core/database/sql';

export interface EnableyChannelAttrs extends Record<string, unknown> {
  accountId: string;
  id: string;
  identifier: string;
  subAccountName: string | null;
}

async function loadChannel(db: DataSource, identifier: string, principal: Principal): Promise<EnableyChannelAttrs | null> {
  const [row] = await rows<{ id: string; identifier: string; sub_account_name: string | null }>(
    db,
    `SELECT c.id, c.identifier, ec.sub_account_name FROM channel c LEFT JOIN enabley_channel ec ON ec.channel_id = c.id
      WHERE c.account_id = $1 AND c.identifier = $2`,
    [principal.accountId, identifier],
  );
  return row ? { accountId: principal.accountId, id: row.id, identifier: row.identifier, subAccountName: row.sub_account_name } : null;
}

/** Loads a channel by identifier in the caller's account, with what the role rules match on. */
@Injectable()
@SubjectLoader(ENABLEY_CHANNEL)
export class EnableyChannelLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  load(identifier: string, principal: Principal): Promise<EnableyChannelAttrs | null> {
    return loadChannel(this.db, identifier, principal);
  }
}

@Injectable()
@SubjectLoader(ENABLEY_CHANNEL_MEMBERSHIP)
export class EnableyChannelMembershipLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  load(identifier: string, principal: Principal): Promise<EnableyChannelAttrs | null> {
    return loadChannel(this.db, identifier, principal);
  }
}

/** A COURSE entitlement names a COURSE channel of the account. */
@Injectable()
@EntitlementTarget('COURSE')
export class CourseEntitlementTarget implements EntitlementTargetResolver {
  async exists(accountId: string, identifier: string, manager: EntityManager): Promise<boolean> {
    const found = await rows<unknown>(manager, `SELECT 1 FROM channel WHERE account_id = $1 AND identifier = $2 AND type = 'COURSE'`, [accountId, identifier]);
    return found.length > 0;
  }
}
