import { SetMetadata, applyDecorators } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { ApiError } from '../http/api-error';
import { AppAbilityBuilder, PolicyAction, PolicySubject } from './app-ability';

export const ROLE_RULES_KEY = 'policy:role-rules';
export const SUBJECT_LOADER_KEY = 'policy:subject-loader';

/**
 * A dialect's contribution to a user's abilities (Kolibri roles, organization levels, Enabley
 * entitlements, Triboo platform roles). Mark the provider class with @RoleRules({ subjects }); the
 * policy layer discovers it (so the core never imports a dialect) and calls it only for routes whose
 * subjects it serves. API clients and superusers never reach a provider.
 */
export interface RoleRuleProvider {
  /** Rules for a user who is not an account admin; `subjects` are the ones the route needs. */
  contribute(principal: Principal, can: AppAbilityBuilder['can'], cannot: AppAbilityBuilder['cannot'], subjects: ReadonlySet<PolicySubject>): Promise<void> | void;
}

export interface RoleRulesOptions {
  /** The subjects this provider grants on; it is not asked for routes on other subjects. */
  subjects: readonly PolicySubject[];
  /**
   * A dialect role that makes its holder an administrator of the whole account (every subject of every
   * dialect): an SQL boolean expression over `$1` (the user's id, uuid) and `$2` (the account id, uuid).
   * The core ORs every provider's expression into one query, so the check costs one round trip in all.
   */
  accountAdminSql?: string;
}

export const RoleRules = (options: RoleRulesOptions) => SetMetadata(ROLE_RULES_KEY, options);

/**
 * Loads the attributes of one object for a condition check: at least `accountId`, plus whatever
 * the dialect's rules match on (e.g. `facilityId`). Returns null when the id does not exist.
 * `field` is the request field the id came from, for subjects reached by more than one key
 * (a Triboo user by `user_id` or by `username`). Mark the provider class with @SubjectLoader('Classroom').
 */
export interface PolicySubjectLoader {
  load(id: string, principal: Principal, field: string): Promise<(Record<string, unknown> & { accountId: string }) | null>;
  /**
   * The dialect's own answer for a missing object, where it has one (Triboo's `user_not_found`): the guard
   * gives it for every 404 on this subject, so a missing, another account's and an unreadable object answer
   * alike. Without it the guard answers the generic not-found.
   */
  notFound?(id: string, field: string, action: PolicyAction): ApiError;
}

export interface SubjectLoaderOptions {
  /**
   * The subject is one of the account's users and its attributes carry that user's id as `userId`: the
   * core's rules on people reach it (a superuser does not delete itself, whichever dialect it asks).
   */
  user?: boolean;
}

export const SUBJECT_LOADER_OPTIONS_KEY = 'policy:subject-loader-options';

export const SubjectLoader = (subject: PolicySubject, options: SubjectLoaderOptions = {}) =>
  applyDecorators(SetMetadata(SUBJECT_LOADER_KEY, subject), SetMetadata(SUBJECT_LOADER_OPTIONS_KEY, options));
