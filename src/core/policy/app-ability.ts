import { AbilityBuilder, MongoAbility, createMongoAbility } from '@casl/ability';

/** Actions every route speaks in; `manage` means all of them. */
export type PolicyAction = 'manage' | 'read' | 'create' | 'update' | 'delete';

/**
 * Subjects are plain strings, so each dialect names its own resources ('Classroom',
 * 'Organization', 'Channel' ...) without the core knowing them. 'Platform' is the
 * superuser-only administration; 'Session' is the caller's own login.
 */
export type PolicySubject = string;

export type AppAbility = MongoAbility<[PolicyAction, PolicySubject | Record<string, unknown>]>;
export type AppAbilityBuilder = AbilityBuilder<AppAbility>;

export function newAbilityBuilder(): AppAbilityBuilder {
  return new AbilityBuilder<AppAbility>(createMongoAbility);
}
