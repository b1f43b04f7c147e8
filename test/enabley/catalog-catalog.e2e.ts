import { ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

describe('Enabley catalog', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
    await putChannel(env.a, { identifier: 'pub', name: 'Published', subAccountName: 'emea' });
    await putChannel(env.a, { identifier: 'draft', name: 'Draft', published: false });
    await putChannel(env.a, { identifier: 'off', name: 'Off', status: 'INACTIVE' });
  });
  afterAll(() => env.ctx.close());

  it('GET /api/v1/catalog/catalogItem answers a stable item for a published channel', async () => {
    const first = (await env.a.get('/api/v1/catalog/catalogItem?externalChannelId=pub').expect(200)).body;
    expect(first).toEqual({ catalogItemId: expect.stringMatching(/^[0-9a-f-]{36}$/), link: `/catalog/${first.catalogItemId}` });
    const again = (await env.a.get('/api/v1/catalog/catalogItem?externalChannelId=pub&subAccountName=emea').expect(200)).body;
    expect(again).toEqual(first);
  });

  it('404 item_not_exists for unknown, unpublished, inactive or other sub-account channels; 400 without a channel', async () => {
    for (const q of ['externalChannelId=ghost', 'externalChannelId=draft', 'externalChannelId=off', 'externalChannelId=pub&subAccountName=us'])
      expect((await env.a.get(`/api/v1/catalog/catalogItem?${q}`).expect(404)).body.error).toBe('item_not_exists');
    expect((await env.a.get('/api/v1/catalog/catalogItem').expect(400)).body.error).toBe('invalid_request');
    await env.ctx.http().get('/api/v1/catalog/catalogItem?externalChannelId=pub').expect(401);
    const other = (await env.ctx.newAccount()).api;
    await other.get('/api/v1/catalog/catalogItem?externalChannelId=pub').expect(404);
  });
});
