/** The access groups the seed names; rows of triboo_user_group. */
export const STUDIO_ADMIN_ACCESS_GROUP = 'STUDIO_ADMIN_ACCESS_GROUP';
export const ANALYTICS_LIMITED_ACCESS_GROUP = 'ANALYTICS_LIMITED_ACCESS_GROUP';
export const ANALYTICS_ACCESS_GROUP = 'ANALYTICS_ACCESS_GROUP';

export const PLATFORM_ROLES = ['Learner', 'Studio Admin', 'Platform Admin', 'Super Platform Admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const ANALYTICS_ACCESS = ['None', 'Restricted', 'Full Access'] as const;
export type AnalyticsAccess = (typeof ANALYTICS_ACCESS)[number];

/** `<name>_catalog_access: false` puts the user in the group. */
export const CATALOG_DENIED_GROUPS = {
  internal_catalog_access: 'CATALOG_DENIED_GROUP',
  edflex_catalog_access: 'EDFLEX_DENIED_GROUP',
  crehana_catalog_access: 'CREHANA_DENIED_GROUP',
  anderspink_catalog_access: 'ANDERSPINK_DENIED_GROUP',
  learnlight_catalog_access: 'LEARNLIGHT_DENIED_GROUP',
} as const;
export type CatalogFlag = keyof typeof CATALOG_DENIED_GROUPS;
export const CATALOG_FLAGS = Object.keys(CATALOG_DENIED_GROUPS) as CatalogFlag[];

export interface AccessState {
  groups: string[];
  isStaff: boolean;
  isSuperuser: boolean;
}

export interface AccessInput {
  platform_role?: PlatformRole;
  analytics_access?: AnalyticsAccess | null;
  internal_catalog_access?: boolean;
  edflex_catalog_access?: boolean;
  crehana_catalog_access?: boolean;
  anderspink_catalog_access?: boolean;
  learnlight_catalog_access?: boolean;
}

export interface AccessView {
  platform_role: PlatformRole;
  analytics_access: 'Restricted' | 'Full Access' | null;
  internal_catalog_access: boolean;
  edflex_catalog_access: boolean;
  crehana_catalog_access: boolean;
  anderspink_catalog_access: boolean;
  learnlight_catalog_access: boolean;
}

/**
 * Reads the flags back from the groups and the staff flags. Platform Admins have full analytics
 * access by their role (the seed adds them to no analytics group), so they read back "Full Access"
 * unless they are in the restricted group.
 */
export function readAccess(s: AccessState): AccessView {
  const has = new Set(s.groups);
  const platform_role: PlatformRole = s.isSuperuser ? 'Super Platform Admin' : s.isStaff ? 'Platform Admin' : has.has(STUDIO_ADMIN_ACCESS_GROUP) ? 'Studio Admin' : 'Learner';
  const analytics_access = has.has(ANALYTICS_LIMITED_ACCESS_GROUP) ? 'Restricted' : has.has(ANALYTICS_ACCESS_GROUP) || s.isStaff ? 'Full Access' : null;
  return {
    platform_role,
    analytics_access,
    internal_catalog_access: !has.has(CATALOG_DENIED_GROUPS.internal_catalog_access),
    edflex_catalog_access: !has.has(CATALOG_DENIED_GROUPS.edflex_catalog_access),
    crehana_catalog_access: !has.has(CATALOG_DENIED_GROUPS.crehana_catalog_access),
    anderspink_catalog_access: !has.has(CATALOG_DENIED_GROUPS.anderspink_catalog_access),
    learnlight_catalog_access: !has.has(CATALOG_DENIED_GROUPS.learnlight_catalog_access),
  };
}

export interface AccessPlan {
  add: string[];
  remove: string[];
  isStaff: boolean;
  isSuperuser: boolean;
}

/** What the given fields change: groups to add and remove, and the staff flags (fields not sent change nothing). */
export function planAccess(input: AccessInput, current: AccessState): AccessPlan {
  const add = new Set<string>();
  const remove = new Set<string>();
  let { isStaff, isSuperuser } = current;
  if (input.platform_role !== undefined) {
    isStaff = input.platform_role === 'Platform Admin' || input.platform_role === 'Super Platform Admin';
    isSuperuser = input.platform_role === 'Super Platform Admin';
    if (input.platform_role === 'Studio Admin') add.add(STUDIO_ADMIN_ACCESS_GROUP);
    else remove.add(STUDIO_ADMIN_ACCESS_GROUP);
  }
  if (input.analytics_access !== undefined) {
    const a = input.analytics_access ?? 'None';
    if (a === 'Restricted') {
      add.add(ANALYTICS_LIMITED_ACCESS_GROUP);
      remove.add(ANALYTICS_ACCESS_GROUP);
    } else if (a === 'Full Access') {
      remove.add(ANALYTICS_LIMITED_ACCESS_GROUP);
      if (isStaff) remove.add(ANALYTICS_ACCESS_GROUP);
      else add.add(ANALYTICS_ACCESS_GROUP);
    } else {
      remove.add(ANALYTICS_LIMITED_ACCESS_GROUP);
      remove.add(ANALYTICS_ACCESS_GROUP);
    }
  }
  for (const flag of CATALOG_FLAGS) {
    const v = input[flag];
    if (v === undefined) continue;
    if (v) remove.add(CATALOG_DENIED_GROUPS[flag]);
    else add.add(CATALOG_DENIED_GROUPS[flag]);
  }
  for (const g of add) remove.delete(g);
  return { add: [...add], remove: [...remove], isStaff, isSuperuser };
}
