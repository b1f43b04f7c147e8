import { Api, ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

describe('Enabley performance', () => {
  let env: ChannelsTestEnv;
  let a: Api;
  beforeAll(async () => {
    env = await channelsEnv();
    a = env.a;
    await putChannel(a, { identifier: 'p1', name: 'P1' });
    await putChannel(a, { identifier: 'p2', name: 'P2' });
    await a.put('/api/v1/channels/p1/contentItems').send({ items: [{ identifier: 'x', name: 'X', scored: true }, { identifier: 'y', name: 'Y', scored: true }] }).expect(200);
    for (let i = 0; i < 7; i++) {
      const id = `u${i}`;
      await a.put('/api/v2/users').send({ identifier: id, username: id }).expect(201);
      await a.post(`/api/v2/channels/p1/users/${id}`).expect(200);
    }
    await a.post('/api/v2/channels/p2/users/u0').expect(200);
    await a.put('/api/v1/channels/p1/contentItems/x/users/u0/progress').send({ completed: true, score: 90 }).expect(200);
    await a.post('/api/v4/channels/forceComplete/channel/p1/user/u1').expect(200);
  });
  afterAll(() => env.ctx.close());

  it('GET /api/v1/performance: by channel, by user, both, all; 404 for unknowns', async () => {
    const byChannel = (await a.get('/api/v1/performance?externalChannelId=p1').expect(200)).body;
    expect(byChannel).toHaveLength(7);
    expect(byChannel[0]).toEqual({ channelName: 'P1', completionDate: null, externalChannelId: 'p1', externalUserId: 'u0', progress: 50, score: 90 });
    expect(byChannel[1]).toMatchObject({ externalUserId: 'u1', progress: 100, completionDate: expect.stringMatching(/Z$/) });
    const byUser = (await a.get('/api/v1/performance?externalUserId=u0').expect(200)).body;
    expect(byUser.map((p: { externalChannelId: string }) => p.externalChannelId)).toEqual(['p1', 'p2']);
    expect(byUser[1]).toMatchObject({ progress: 0, score: null });
    expect((await a.get('/api/v1/performance?externalUserId=u0&externalChannelId=p2').expect(200)).body).toHaveLength(1);
    expect((await a.get('/api/v1/performance').expect(200)).body).toHaveLength(8);
    expect((await a.get('/api/v1/performance?externalChannelId=ghost').expect(404)).body.error).toBe('not_found');
    await a.get('/api/v1/performance?externalUserId=ghost').expect(404);
    await a.get('/api/v1/performance?externalUserId=').expect(400);
    await a.get('/api/v1/performance?other=1').expect(400);
  });

  it('GET /api/v2/performance walks every page by paginationKey', async () => {
    const seen: string[] = [];
    let key: string | null = null;
    let page = 0;
    do {
      const res: { body: { items: { externalUserId: string }[]; pageSize: number; currentPage: number; totalPages: number; paginationKey: string | null } } = await a
        .get(`/api/v2/performance?channelIdentifier=p1&pageSize=3${key ? `&paginationKey=${encodeURIComponent(key)}` : ''}`)
        .expect(200);
      page++;
      expect(res.body).toMatchObject({ pageSize: 3, currentPage: page, totalPages: 3 });
      seen.push(...res.body.items.map((i) => i.externalUserId));
      key = res.body.paginationKey;
    } while (key);
    expect(page).toBe(3);
    expect(seen.sort()).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
    const byUser = (await a.get('/api/v2/performance?userIdentifier=u0').expect(200)).body;
    expect(byUser).toMatchObject({ currentPage: 1, totalPages: 1, paginationKey: null });
    expect(byUser.items.map((p: { externalChannelId: string }) => p.externalChannelId).sort()).toEqual(['p1', 'p2']);
    const both = (await a.get('/api/v2/performance?userIdentifier=u1&channelIdentifier=p1').expect(200)).body;
    expect(both.items).toEqual([expect.objectContaining({ externalUserId: 'u1', externalChannelId: 'p1', progress: 100 })]);
  });

  it('GET /api/v2/performance: 400 without a filter, 404 for unknowns and bad keys', async () => {
    expect((await a.get('/api/v2/performance').expect(400)).body.error).toBe('invalid_request');
    await a.get('/api/v2/performance?channelIdentifier=ghost').expect(404);
    await a.get('/api/v2/performance?userIdentifier=ghost').expect(404);
    const first = (await a.get('/api/v2/performance?channelIdentifier=p1&pageSize=2').expect(200)).body;
    // Bound to its query: another filter, another page size, a tampered key.
    await a.get(`/api/v2/performance?channelIdentifier=p2&pageSize=2&paginationKey=${encodeURIComponent(first.paginationKey)}`).expect(404);
    await a.get(`/api/v2/performance?channelIdentifier=p1&pageSize=3&paginationKey=${encodeURIComponent(first.paginationKey)}`).expect(404);
    const tampered = first.paginationKey.replace(/^./, (c: string) => (c === 'e' ? 'f' : 'e'));
    expect((await a.get(`/api/v2/performance?channelIdentifier=p1&pageSize=2&paginationKey=${encodeURIComponent(tampered)}`).expect(404)).body.error).toBe('not_found');
    await a.get('/api/v2/performance?channelIdentifier=p1&pageSize=500').expect(400);
  });

  it("another account's channels, users and keys answer 404", async () => {
    const other = (await env.ctx.newAccount()).api;
    await other.get('/api/v1/performance?externalChannelId=p1').expect(404);
    await other.get('/api/v1/performance?externalUserId=u0').expect(404);
    expect((await other.get('/api/v1/performance').expect(200)).body).toEqual([]);
    await other.get('/api/v2/performance?channelIdentifier=p1').expect(404);
    await env.ctx.http().get('/api/v1/performance').expect(401);
  });
});
