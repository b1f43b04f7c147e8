import { ENTERPRISE_URN, GROUP_URN, MAX_COUNT, MAX_PATCH_OPERATIONS, RESOURCE_TYPE_URN, SPC_URN, USER_URN } from '../common/urns';

/** RFC 7644 section 4: exactly what this server supports. Locations are relative to the server's base. */
export function serviceProviderConfig(base: string) {
  return {
    schemas: [SPC_URN],
    documentationUri: `${base}/docs`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: `A SCIM token of the account (POST /api/platform/v1/scim-tokens), or an access token of the account's API client. At most ${MAX_PATCH_OPERATIONS} PATCH operations per request.`,
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/scim/v2/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: [RESOURCE_TYPE_URN],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account: the platform user every dialect serves.',
      schema: USER_URN,
      schemaExtensions: [{ schema: ENTERPRISE_URN, required: false }],
      meta: { resourceType: 'ResourceType', location: `${base}/scim/v2/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE_URN],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group: the platform group Enabley assigns to channels.',
      schema: GROUP_URN,
      schemaExtensions: [],
      meta: { resourceType: 'ResourceType', location: `${base}/scim/v2/ResourceTypes/Group` },
    },
  ];
}
