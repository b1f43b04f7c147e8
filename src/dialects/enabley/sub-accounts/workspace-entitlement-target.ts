import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EntitlementTarget, EntitlementTargetResolver } from '../entitlements/entitlement-target';
import { rows } from '../../../core/database/sql';

/** A WORKSPACE entitlement names a sub-account of the account. */
@Injectable()
@EntitlementTarget('WORKSPACE')
export class WorkspaceEntitlementTarget implements EntitlementTargetResolver {
  async exists(accountId: string, name: string, manager: EntityManager): Promise<boolean> {
    const found = await rows<unknown>(manager, 'SELECT 1 FROM enabley_sub_account WHERE account_id = $1 AND name = $2', [accountId, name]);
    return found.length > 0;
  }
}
