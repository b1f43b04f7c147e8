import { ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

describe('Enabley channels: paginated v3 lists', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
    for (let i = 0; i < 5; i++) await putChannel(env.a, { identifier: `ch-${i}`, name: `Channel ${i}`, subAccountName: i % 2 ? 'odd' : 'even', categories: [`cat-${i}`] });
    for (let i = 0; i < 3; i++) await putChannel(env.a, { identifier: `m-${i}`, name: `Master ${i}`, isMaster: true, published: i !== 1 });
  });
  afterAll(() => env.ctx.close());

  it('GET /api/v3/channels: empty account, pages, filters bound to the key', async () => {
    const other = (await env.ctx.newAccount()).api;
    expect((await other.get('/api/v3/channels').expect(200)).body).toEqual({ items: [], pageSize: 100, currentPage: 1, totalPages: 0, paginationKey: null });
    const p1 = (await env.a.get('/api/v3/channels?pageSize=2&includeCategories=true').expect(200)).body;
    expect(p1).toMatchObject({ pageSize: 2, currentPage: 1, totalPages: 3 });
    expect(p1.items.map((c: { identifier: string }) => c.identifier)).toEqual(['ch-0', 'ch-1']);
    expect(p1.items[0].categories).toEqual(['cat-0']);
    const p2 = (await env.a.get(`/api/v3/channels?pageSize=2&includeCategories=true&paginationKey=${encodeURIComponent(p1.paginationKey)}`).expect(200)).body;
    const p3 = (await env.a.get(`/api/v3/channels?pageSize=2&includeCategories=true&paginationKey=${encodeURIComponent(p2.paginationKey)}`).expect(200)).body;
    expect([...p2.items, ...p3.items].map((c: { identifier: string }) => c.identifier)).toEqual(['ch-2', 'ch-3', 'ch-4']);
    expect(p3).toMatchObject({ currentPage: 3, paginationKey: null });
    await env.a.get(`/api/v3/channels?pageSize=2&includeCategories=false&paginationKey=${encodeURIComponent(p1.paginationKey)}`).expect(404);
    await other.get(`/api/v3/channels?pageSize=2&includeCategories=true&paginationKey=${encodeURIComponent(p1.paginationKey)}`).expect(404);
    const odd = (await env.a.get('/api/v3/channels?subAccountName=odd').expect(200)).body;
    expect(odd.items.map((c: { identifier: string }) => c.identifier)).toEqual(['ch-1', 'ch-3']);
    await env.a.get('/api/v3/channels?paginationKey=nonsense').expect(404);
    await env.a.get('/api/v3/channels?pageSize=abc').expect(400);
  });

  it('GET /api/v3/channels/masters: pages and onlyPublished', async () => {
    const all = (await env.a.get('/api/v3/channels/masters').expect(200)).body;
    expect(all).toMatchObject({ currentPage: 1, totalPages: 1, paginationKey: null });
    expect(all.items.map((m: { identifier: string }) => m.identifier)).toEqual(['m-0', 'm-1', 'm-2']);
    const published = (await env.a.get('/api/v3/channels/masters?onlyPublished=true&pageSize=1').expect(200)).body;
    expect(published).toMatchObject({ totalPages: 2, items: [expect.objectContaining({ identifier: 'm-0', published: true })] });
    const next = (await env.a.get(`/api/v3/channels/masters?onlyPublished=true&pageSize=1&paginationKey=${encodeURIComponent(published.paginationKey)}`).expect(200)).body;
    expect(next).toMatchObject({ currentPage: 2, paginationKey: null, items: [expect.objectContaining({ identifier: 'm-2' })] });
    await env.a.get(`/api/v3/channels/masters?onlyPublished=false&pageSize=1&paginationKey=${encodeURIComponent(published.paginationKey)}`).expect(404);
    await env.a.get('/api/v3/channels/masters?onlyPublished=1').expect(400);
  });
});
