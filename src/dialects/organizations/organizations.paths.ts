/** The Organizations API's colon paths, spelled as on the wire; declare a route with routePath(...). */
export const ORGANIZATION_DEPARTMENTS = '/organization:departments';
export const ORGANIZATION_MEMBERS = '/organization:members';
export const ORGANIZATIONS_MEMBERS = '/organizations:members';
export const USER_ORGANIZATIONS = '/user:organizations';
