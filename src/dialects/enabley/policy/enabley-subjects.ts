import { COURSE, COURSES, PolicySubject } from '../../../core/policy/app-ability';

/**
 * Policy subjects of the Enabley dialect. Loaders return at least `accountId`; the role rules match on
 * the attributes named here.
 * - EnableyUser: {accountId, id, identifier}
 * - EnableyGroup: {accountId, id, identifier, subAccountName}
 * - EnableyUserProfile: {accountId, id, identifier}
 * - EnableyChannelMembership (who is in a channel): {accountId, id, identifier, subAccountName}
 * A channel is the core subject 'Course' ({accountId, id, identifier, subAccountName}) and the channel
 * collection the core 'Courses': other dialects' course roles (Triboo's Studio Admin) grant on those.
 */
export const ENABLEY_SUBJECTS = [
  'EnableyUser',
  'EnableyGroup',
  'EnableyUserProfile',
  'EnableyChannelMembership',
  'EnableyCatalog',
  'EnableyCertificates',
  'EnableyPerformance',
  'EnableyUploads',
] as const;
export type EnableySubject = (typeof ENABLEY_SUBJECTS)[number];

declare module '../../../core/policy/app-ability' {
  interface PolicySubjects extends Record<EnableySubject, true> {}
}

export const ENABLEY_USER: EnableySubject = 'EnableyUser';
export const ENABLEY_GROUP: EnableySubject = 'EnableyGroup';
export const ENABLEY_USER_PROFILE: EnableySubject = 'EnableyUserProfile';
/**
 * Membership of a channel (assigning users and groups) is its own subject, so a channel's INSTRUCTOR
 * (read + update on the channel) does not change who is in it; admins and COURSE/WORKSPACE MANAGERs do.
 */
export const ENABLEY_CHANNEL_MEMBERSHIP: EnableySubject = 'EnableyChannelMembership';
export const ENABLEY_CHANNEL: PolicySubject = COURSE;
export const ENABLEY_CHANNELS: PolicySubject = COURSES;

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
