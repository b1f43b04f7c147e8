import { AbilityBuilder, MongoAbility, createMongoAbility } from '@casl/ability';

/** Actions every route speaks in; `manage` means all of them. */
export type PolicyAction = 'manage' | 'read' | 'create' | 'update' | 'delete';

/**
 * The subjects the core names itself. 'Platform' is the superuser-only administration; 'Session' is
 * the caller's own login; 'Course' (one channel) and 'Courses' (the channel collection) are shared by
 * the dialects that serve courses, so one dialect's grant on a course reaches another's course routes
 * without naming that dialect's subjects. 'ScimToken' is an account's SCIM bearer tokens (account admins only).
 */
export const CORE_SUBJECTS = ['Platform', 'Session', 'Course', 'Courses', 'ScimToken'] as const;
export type CoreSubject = (typeof CORE_SUBJECTS)[number];
export const COURSE: CoreSubject = 'Course';
export const COURSES: CoreSubject = 'Courses';

/**
 * Every subject a route may declare, as keys. Each dialect adds its own by declaration merging
 * (`declare module '.../core/policy/app-ability' { interface PolicySubjects extends Record<KolibriSubject, true> {} }`),
 * so `@Can` accepts exactly the declared names while the core imports no dialect.
 */
export interface PolicySubjects extends Record<CoreSubject, true> {}

/** A declared subject name. */
export type PolicySubject = keyof PolicySubjects & string;

/**
 * Abilities are built at run time from strings (rules may also name the CASL wildcard 'all'), so the
 * ability itself is typed loosely; declarations (`@Can`, `@RoleRules`) are checked against PolicySubject.
 */
export type AppAbility = MongoAbility<[PolicyAction, string | Record<string, unknown>]>;
export type AppAbilityBuilder = AbilityBuilder<AppAbility>;

export function newAbilityBuilder(): AppAbilityBuilder {
  return new AbilityBuilder<AppAbility>(createMongoAbility);
}
