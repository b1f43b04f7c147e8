import { Api, ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

/**
 * The seed says the paginationKey "is then used in subsequent calls to retrieve the
 * remaining items", so a key sent alone continues its query (filters and page size included); a key sent
 * with different filters, or altered, answers 404 not_found.
 */
describe('Enabley: paginationKey sent alone', () => {
  let env: ChannelsTestEnv;
  let a: Api;
  beforeAll(async () => {
    env = await channelsEnv();
    a = env.a;
    for (const id of ['p1', 'p2', 'p3', 'q1']) await a.put('/api/v2/users').send({ identifier: id, email: `${id}@example.com`, subAccountName: id.startsWith('p') ? 'emea' : 'apac' }).expect(201);
    for (const id of ['c1', 'c2', 'c3']) await putChannel(a, { identifier: id, name: id, subAccountName: 'emea' });
    await putChannel(a, { identifier: 'c4', name: 'c4', subAccountName: 'apac' });
    for (const id of ['m1', 'm2']) await putChannel(a, { identifier: id, name: id, isMaster: true });
    for (const c of ['c1', 'c2', 'c3']) await a.post(`/api/v2/channels/${c}/users/p1`).expect(200);
    for (const u of ['p1', 'p2', 'p3']) await a.post(`/api/v2/channels/c1/users/${u}`).expect(200);
    for (const id of ['k1', 'k2']) await a.put('/api/v1/certificates').send({ externalCertificateId: id, name: id }).expect(201);
  });
  afterAll(() => env.ctx.close());

  async function walk(url: string, first: string, key = (k: string) => `${url}?paginationKey=${encodeURIComponent(k)}`): Promise<unknown[][]> {
    const pages: unknown[][] = [];
    let res = (await a.get(`${url}?${first}`).expect(200)).body;
    pages.push(res.items);
    while (res.paginationKey) {
      res = (await a.get(key(res.paginationKey)).expect(200)).body;
      pages.push(res.items);
    }
    return pages;
  }

  it('GET /api/v3/users: the key alone keeps the filters and page size', async () => {
    const pages = await walk('/api/v3/users', 'subAccountName=emea&pageSize=1');
    expect(pages.map((p) => (p as { identifier: string }[]).map((u) => u.identifier))).toEqual([['p1'], ['p2'], ['p3']]);
    const first = (await a.get('/api/v3/users?subAccountName=emea&pageSize=1').expect(200)).body;
    await a.get(`/api/v3/users?subAccountName=emea&pageSize=1&paginationKey=${encodeURIComponent(first.paginationKey)}`).expect(200);
    const other = await a.get(`/api/v3/users?subAccountName=apac&paginationKey=${encodeURIComponent(first.paginationKey)}`).expect(404);
    expect(other.body.error).toBe('not_found');
    await a.get(`/api/v3/users?paginationKey=${encodeURIComponent(first.paginationKey.replace(/^./, 'x'))}`).expect(404);
  });

  it('GET /api/v3/channels and /api/v3/channels/masters: the key alone keeps the filters', async () => {
    const pages = await walk('/api/v3/channels', 'subAccountName=emea&includeCategories=true&pageSize=2');
    expect(pages.flat().map((c) => (c as { identifier: string }).identifier)).toEqual(['c1', 'c2', 'c3']);
    expect((pages[1][0] as { categories?: string[] }).categories).toEqual([]);
    const masters = await walk('/api/v3/channels/masters', 'onlyPublished=true&pageSize=1');
    expect(masters.flat().map((c) => (c as { identifier: string }).identifier)).toEqual(['m1', 'm2']);
  });

  it('GET /api/v2/performance: the key alone continues (no 400 for a missing channelIdentifier)', async () => {
    const byChannel = await walk('/api/v2/performance', 'channelIdentifier=c1&pageSize=1');
    expect(byChannel.flat().map((r) => (r as { externalUserId: string }).externalUserId).sort()).toEqual(['p1', 'p2', 'p3']);
    const byUser = await walk('/api/v2/performance', 'userIdentifier=p1&pageSize=2');
    expect(byUser.flat().map((r) => (r as { externalChannelId: string }).externalChannelId).sort()).toEqual(['c1', 'c2', 'c3']);
  });

  it('GET /api/v2/certificates: the key alone keeps the page size', async () => {
    const pages = await walk('/api/v2/certificates', 'pageSize=1');
    expect(pages.map((p) => (p as { externalCertificateId: string }[]).map((c) => c.externalCertificateId))).toEqual([['k1'], ['k2']]);
  });
});
