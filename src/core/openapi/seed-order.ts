/**
 * The operations of each dialect's seed document (../shared/seeds 000-003), in the order the seed lists them,
 * spelled as the seed spells them (`:id`, `<user_id>`, `{identifier}`), then SCIM in RFC 7644 order
 * (discovery, section 4; Users and Groups by section 3: create, read, replace, modify, delete). Swagger UI
 * lists a tag's operations in the document's path order, so the spec's paths follow this list
 * (test/core/openapi-rules.spec.ts checks the list against the seeds and the spec against the list).
 */
export const SEED_OPERATIONS: readonly (readonly string[])[] = [
  [
    'GET /api/auth/facility',
    'GET /api/auth/facility/:id',
    'POST /api/auth/facility/create_facility',
    'GET /api/auth/facilitydataset',
    'PATCH /api/auth/facilitydataset/:id',
    'POST /api/auth/facilitydataset/:id/resetsettings',
    'GET /api/auth/classroom',
    'GET /api/auth/classroom/:id',
    'POST /api/auth/classroom',
    'PATCH /api/auth/classroom/:id',
    'DELETE /api/auth/classroom/:id',
    'GET /api/auth/learnergroup',
    'GET /api/auth/learnergroup/:id',
    'POST /api/auth/learnergroup',
    'PATCH /api/auth/learnergroup/:id',
    'DELETE /api/auth/learnergroup/:id',
    'POST /api/auth/membership',
    'DELETE /api/auth/membership/:id',
    'POST /api/auth/role',
    'DELETE /api/auth/role/:id',
  ],
  [
    'GET /organizations',
    'GET /organization',
    'GET /organization:members',
    'POST /organization:members',
    'DELETE /organization:members',
    'POST /organizations:members',
    'GET /user:organizations',
    'POST /user:organizations',
    'DELETE /user:organizations',
  ],
  [
    'POST /api/v1/token',
    'GET /api/v1/catalog/catalogItem',
    'GET /api/v1/certificates',
    'PUT /api/v1/certificates/compliance',
    'GET /api/v1/certificates/users/{externalUserId}',
    'GET /api/v2/certificates',
    'GET /api/v2/certificates/{externalCertificateId}',
    'GET /api/v1/channels',
    'PUT /api/v1/channels',
    'GET /api/v1/channels/{channelIdentifier}/courses/events',
    'POST /api/v1/channels/{channelIdentifier}/groups/{groupIdentifier}',
    'DELETE /api/v1/channels/{channelIdentifier}/groups/{groupIdentifier}',
    'DELETE /api/v1/channels/{channelIdentifier}/users/{userIdentifier}',
    'GET /api/v1/channels/{identifier}',
    'GET /api/v2/channels/channels/masters',
    'GET /api/v2/channels/channels/{channelIdentifier}/members/count',
    'PUT /api/v2/channels/master/instance',
    'POST /api/v2/channels/{channelIdentifier}/users/{userIdentifier}',
    'GET /api/v3/channels',
    'GET /api/v3/channels/masters',
    'POST /api/v4/channels/forceComplete/channel/{channelIdentifier}/user/{userIdentifier}',
    'PUT /api/v1/groups',
    'GET /api/v1/groups/hierarchy',
    'GET /api/v1/groups/list',
    'POST /api/v1/groups/{groupIdentifier}/users/{userIdentifier}',
    'DELETE /api/v1/groups/{groupIdentifier}/users/{userIdentifier}',
    'GET /api/v1/groups/{identifier}',
    'DELETE /api/v1/groups/{identifier}',
    'GET /api/v1/users/{identifier}/groups',
    'GET /api/v1/performance',
    'GET /api/v2/performance',
    'POST /api/v2/getUserProfiles',
    'PUT /api/v2/userProfiles',
    'POST /api/v2/userProfiles/users/{identifier}',
    'PUT /api/v2/userProfiles/{profileIdentifier}/users/{userIdentifier}',
    'DELETE /api/v2/userProfiles/{profileIdentifier}/users/{userIdentifier}',
    'GET /api/v2/users',
    'PUT /api/v2/users',
    'POST /api/v2/users/entitlements',
    'DELETE /api/v2/users/entitlements',
    'PUT /api/v2/users/identityManagement',
    'GET /api/v2/users/{identifier}',
    'PUT /api/v2/users/{identifier}',
    'DELETE /api/v2/users/{identifier}',
    'DELETE /api/v2/users/{identifier}/subAccountName/{subAccountName}',
    'PUT /api/v2/users/{userIdentifier}/permissions',
    'GET /api/v3/users',
  ],
  [
    'POST /oauth2/access_token',
    'POST /oauth2/v1/access_token',
    'POST /api/extended/v1/users/',
    'PUT /update_user/<user_id>',
    'PUT /update_user_by_username/<username>',
    'GET /api/extended/v1/users/',
    'GET /api/extended/v1/users/<user_id>/',
    'GET /api/extended/v1/users_by_username/<username>/',
    'GET /api/extended/v1/users_by_username/',
    'DELETE /api/extended/v1/users/<user_id>/',
    'DELETE /api/extended/v1/users/',
    'DELETE /api/extended/v1/users_by_username/<username>/',
    'DELETE /api/extended/v1/users_by_username/',
    'GET /api/extended/v1/courses/',
    'GET /api/extended/v1/user_progress_report/<user_id>/',
    'GET /api/extended/v1/user_progress_report/',
    'GET /api/extended/v1/user_progress_report_by_username/<username>/',
    'GET /api/extended/v1/user_progress_report_by_username/',
    'GET /api/extended/v1/user_progress_report_by_email/<email>/',
    'GET /api/extended/v1/user_progress_report_by_email/',
    'GET /api/extended/v1/course_progress_report/<course ID>/',
    'POST /api/bulk_enroll/v1/bulk_enroll',
    'POST /api/enrollment/v1/enrollment',
  ],
  [
    'GET /scim/v2/ServiceProviderConfig',
    'GET /scim/v2/Schemas',
    'GET /scim/v2/Schemas/{id}',
    'GET /scim/v2/ResourceTypes',
    'GET /scim/v2/ResourceTypes/{id}',
    'POST /scim/v2/Users',
    'GET /scim/v2/Users/{id}',
    'GET /scim/v2/Users',
    'PUT /scim/v2/Users/{id}',
    'PATCH /scim/v2/Users/{id}',
    'DELETE /scim/v2/Users/{id}',
    'POST /scim/v2/Groups',
    'GET /scim/v2/Groups/{id}',
    'GET /scim/v2/Groups',
    'PUT /scim/v2/Groups/{id}',
    'PATCH /scim/v2/Groups/{id}',
    'DELETE /scim/v2/Groups/{id}',
  ],
];

/** A path with its parameters unnamed and no trailing slash: `/api/auth/facility/{}`; Organizations' colons stay literal. */
export function pathShape(path: string): string {
  return path
    .replace(/\/:[A-Za-z_]+/g, '/{}')
    .replace(/<[^>]+>|\{[^}]+\}/g, '{}')
    .replace(/(.)\/$/, '$1');
}

const POSITION = new Map<string, number>(
  SEED_OPERATIONS.flat().map((entry, i) => {
    // Split at the first space only: a seed path may hold one (`<course ID>`).
    const method = entry.slice(0, entry.indexOf(' '));
    return [`${method.toLowerCase()} ${pathShape(entry.slice(method.length + 1))}`, i];
  }),
);

/** Where the seeds (or RFC 7644) list this operation, or undefined for one beyond them. */
export function seedPosition(method: string, path: string): number | undefined {
  return POSITION.get(`${method.toLowerCase()} ${pathShape(path)}`);
}
