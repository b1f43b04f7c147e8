import { subject } from '@casl/ability';

/**
 * Policy subjects of the Organizations dialect. The organization-scoped ones are loaded by organization
 * code and carry { accountId, organizationId }; a membership being written also carries the organization
 * level it grants or holds (`permissionOrganization`), so "a supervisor cannot grant admin" is a rule, not
 * code. Rules: organizations.rules.ts; loaders: organizations.loaders.ts.
 */
export const ORGANIZATIONS_SUBJECTS = ['Organization', 'OrganizationDepartment', 'OrganizationMember', 'OrganizationUser', 'ManagedOrganization'] as const;
export type OrganizationsSubject = (typeof ORGANIZATIONS_SUBJECTS)[number];

declare module '../../core/policy/app-ability' {
  interface PolicySubjects extends Record<OrganizationsSubject, true> {}
}

export const ORG: OrganizationsSubject = 'Organization';
export const ORG_DEPARTMENT: OrganizationsSubject = 'OrganizationDepartment';
export const ORG_MEMBER: OrganizationsSubject = 'OrganizationMember';
/**
 * GET /organizations lists "owned and managed organizations" (seed), not every readable one: the
 * organizations whose members the caller manages, as a readable subject so the list is a read filter.
 */
export const ORG_MANAGED: OrganizationsSubject = 'ManagedOrganization';
/** A user's list of memberships (/user:organizations), loaded by the user's code. */
export const ORG_USER: OrganizationsSubject = 'OrganizationUser';

/** A subject of `type` with these attributes, for ability checks in read filters and bulk calls. */
export function subjectOf(type: OrganizationsSubject, attrs: Record<string, unknown>): Record<string, unknown> {
  return subject(type, attrs);
}
