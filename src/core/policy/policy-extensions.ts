import { SetMetadata } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { AppAbilityBuilder } from './app-ability';

export const ROLE_RULES_KEY = 'policy:role-rules';
export const SUBJECT_LOADER_KEY = 'policy:subject-loader';

/**
 * A dialect's contribution to a principal's abilities (Kolibri roles, organization levels,
 * Enabley entitlements, Triboo platform roles). Mark the provider class with @RoleRules();
 * the policy layer discovers it, so the core never imports a dialect.
 */
export interface RoleRuleProvider {
  contribute(principal: Principal, can: AppAbilityBuilder['can'], cannot: AppAbilityBuilder['cannot']): Promise<void> | void;
}

export const RoleRules = () => SetMetadata(ROLE_RULES_KEY, true);

/**
 * Loads the attributes of one object for a condition check: at least `accountId`, plus whatever
 * the dialect's rules match on (e.g. `facilityId`). Returns null when the id does not exist.
 * Mark the provider class with @SubjectLoader('Classroom').
 */
export interface PolicySubjectLoader {
  load(id: string, principal: Principal): Promise<(Record<string, unknown> & { accountId: string }) | null>;
}

export const SubjectLoader = (subject: string) => SetMetadata(SUBJECT_LOADER_KEY, subject);
