import { SetMetadata } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EntitlementEntityType } from '../policy/enabley-subjects';

export const ENTITLEMENT_TARGET_KEY = 'enabley:entitlement-target';

/**
 * Says whether an entitlement's entity exists in an account. One provider per entity type, marked
 * `@EntitlementTarget('GROUP')` and discovered at start: groups/ serves GROUP, sub-accounts/ serves
 * WORKSPACE (a workspace is a sub-account), and the channels feature serves COURSE by adding its own
 * provider. Until a COURSE resolver is registered, COURSE entitlements are stored without the check.
 */
export interface EntitlementTargetResolver {
  exists(accountId: string, identifier: string, manager: EntityManager): Promise<boolean>;
}

export const EntitlementTarget = (type: EntitlementEntityType) => SetMetadata(ENTITLEMENT_TARGET_KEY, type);
