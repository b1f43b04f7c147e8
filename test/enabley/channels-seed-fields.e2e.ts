import { ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

const CHANNEL_INFO_FIELDS = ['availability', 'categories', 'created', 'directLink', 'duration', 'identifier', 'masterChannelId', 'masterChannelInstance', 'name', 'subAccountName', 'type'];

/** Every ChannelInfo field of the seed is present (null when not asked for or unknown). */
describe('Enabley: ChannelInfo fields', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
    await putChannel(env.a, { identifier: 'c1', name: 'C1', categories: ['safety'] });
  });
  afterAll(() => env.ctx.close());

  it('GET /api/v1/channels, /api/v1/channels/{identifier} and /api/v3/channels answer every field', async () => {
    for (const url of ['/api/v1/channels', '/api/v3/channels']) {
      const res = (await env.a.get(url).expect(200)).body;
      const items = Array.isArray(res) ? res : res.items;
      expect(Object.keys(items[0]).sort()).toEqual(CHANNEL_INFO_FIELDS);
      expect(items[0].categories).toBeNull();
      const withCats = (await env.a.get(`${url}?includeCategories=true`).expect(200)).body;
      expect((Array.isArray(withCats) ? withCats : withCats.items)[0].categories).toEqual(['safety']);
    }
    const one = (await env.a.get('/api/v1/channels/c1').expect(200)).body;
    expect(Object.keys(one).sort()).toEqual(CHANNEL_INFO_FIELDS);
    expect(one.availability).toEqual({ status: 'ACTIVE', schedule: { startDate: null, endDate: null } });
  });
});

describe('Enabley: OpenAPI definition names', () => {
  it('the committed document names the Enabley schemas as the seed defines them', () => {
    const schemas = Object.keys(require('../../openapi/openapi.json').components.schemas as Record<string, unknown>);
    for (const name of ['UserData', 'UserInfo', 'UserIdentity', 'GroupData', 'GroupInfo', 'UserProfileData', 'UserProfileInfo', 'ExternalEntitlement', 'ExternalPermission',
      'ChannelData', 'ChannelInfo', 'ChannelAvailability', 'Schedule', 'TrainingEvent', 'ExternalMasterChannelGet', 'ExternalChannelInstance', 'ExternalChannelMembersInfoGet',
      'CertificateInformation', 'CertificateExpiration', 'ExternalUserCertificateState', 'requirementUpdate', 'ExternalUserChannelPerformance', 'ExternalCatalogItemGet',
      'PaginationResponseUserInfo', 'PaginationResponseChannelInfo', 'PaginationResponseExternalMasterChannelGet', 'PaginationResponseCertificateInformation',
      'PaginationResponseExternalUserChannelPerformance', 'ExternalOrgBulkUploadRequest', 'OrgBulkDataRequest', 'ErrorResponse'])
      expect(schemas).toContain(name);
  });
});
