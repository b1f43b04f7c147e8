/**
 * Policy subjects of the Enabley dialect. Loaders return at least `accountId`; the role rules match on
 * the attributes named here.
 * - EnableyUser: {accountId, id, identifier}
 * - EnableyGroup: {accountId, id, identifier, subAccountName}
 * - EnableyUserProfile: {accountId, id, identifier}
 * - EnableyChannel (part 2, COURSE entitlements): {accountId, identifier, subAccountName}
 */
export const ENABLEY_USER = 'EnableyUser';
export const ENABLEY_GROUP = 'EnableyGroup';
export const ENABLEY_USER_PROFILE = 'EnableyUserProfile';
export const ENABLEY_CHANNEL = 'EnableyChannel';

/** Seed enum UserData.possibleRoles. SITE_ADMIN administers the whole account. */
export const POSSIBLE_ROLES = ['SITE_ADMIN', 'LEARNER', 'INSTRUCTOR', 'EDITOR', 'PREVIEW', 'MANAGER', 'HR_MANAGER', 'SITE_TRAINING_MANAGER', 'EVALUATOR'] as const;
export type PossibleRole = (typeof POSSIBLE_ROLES)[number];

/** Seed enum ExternalEntitlement.entityType / userRole. */
export const ENTITLEMENT_ENTITY_TYPES = ['COURSE', 'GROUP', 'WORKSPACE'] as const;
export type EntitlementEntityType = (typeof ENTITLEMENT_ENTITY_TYPES)[number];
export const ENTITLEMENT_ROLES = ['MANAGER', 'EDITOR', 'INSTRUCTOR'] as const;
export type EntitlementRole = (typeof ENTITLEMENT_ROLES)[number];

/** Seed enum ExternalPermission.permissions. */
export const INSTRUCTOR_PERMISSIONS = ['INSTRUCTOR_CREATE_COURSE_INSTANCE', 'INSTRUCTOR_CREATE_COURSE'] as const;
