import { PaginationKeyService } from '../../src/dialects/enabley/pagination/pagination-key.service';
import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';

describe('Enabley users v3 (paginationKey)', () => {
  let ctx: TestContext;
  let api: Agent;
  let accountId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    api = ctx.as(await ctx.clientToken());
    [{ id: accountId }] = await ctx.db.query(`SELECT id FROM account WHERE name = 'default'`);
    // 25 users in one set-based insert, identifiers u-00 … u-24.
    await ctx.db.query(
      `INSERT INTO "user" (account_id, identifier, username, username_key, email, first_name)
       SELECT $1, 'u-' || lpad(i::text, 2, '0'), 'user' || i, 'user' || i, 'user' || i || (CASE WHEN i % 2 = 0 THEN '@even.io' ELSE '@odd.io' END), 'N' || i
         FROM generate_series(0, 24) i`,
      [accountId],
    );
  });
  afterAll(() => ctx.close());

  async function walk(query: string): Promise<{ ids: string[]; pages: { currentPage: number; totalPages: number; pageSize: number; key: string | null }[] }> {
    const ids: string[] = [];
    const pages = [];
    let key: string | null = null;
    do {
      const url: string = `/api/v3/users?${query}${key ? `&paginationKey=${encodeURIComponent(key)}` : ''}`;
      const res = await api.get(url).expect(200);
      ids.push(...res.body.items.map((u: { identifier: string }) => u.identifier));
      key = res.body.paginationKey;
      pages.push({ currentPage: res.body.currentPage, totalPages: res.body.totalPages, pageSize: res.body.pageSize, key });
    } while (key);
    return { ids, pages };
  }

  it('walks every page once, with page counters, and null on the last page', async () => {
    const { ids, pages } = await walk('pageSize=10');
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => `u-${String(i).padStart(2, '0')}`));
    expect(pages.map((p) => [p.currentPage, p.totalPages, p.pageSize])).toEqual([
      [1, 3, 10],
      [2, 3, 10],
      [3, 3, 10],
    ]);
    expect(pages[2].key).toBeNull();
  });

  it('returns the shape {items, pageSize, currentPage, totalPages, paginationKey}, a single page with a null key', async () => {
    const res = await api.get('/api/v3/users').expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['currentPage', 'items', 'pageSize', 'paginationKey', 'totalPages']);
    expect(res.body).toMatchObject({ pageSize: 100, currentPage: 1, totalPages: 1, paginationKey: null });
    expect(res.body.items).toHaveLength(25);
    const empty = await api.get('/api/v3/users?emailSubstring=nothing-here').expect(200);
    expect(empty.body).toEqual({ items: [], pageSize: 100, currentPage: 1, totalPages: 0, paginationKey: null });
  });

  it('keeps filters across pages', async () => {
    const { ids } = await walk('emailSubstring=EVEN&pageSize=4');
    expect(ids).toEqual(Array.from({ length: 13 }, (_, i) => `u-${String(i * 2).padStart(2, '0')}`));
  });

  it('returns each user exactly once while users are inserted concurrently', async () => {
    const seen: string[] = [];
    let key: string | null = null;
    let n = 0;
    do {
      const res: { body: { items: { identifier: string }[]; paginationKey: string | null } } = await api.get(`/api/v3/users?pageSize=7${key ? `&paginationKey=${encodeURIComponent(key)}` : ''}`).expect(200);
      seen.push(...res.body.items.map((u: { identifier: string }) => u.identifier));
      key = res.body.paginationKey;
      // Insert before and after the cursor between pages.
      await api.put('/api/v2/users').send({ identifier: `a-new-${n}` }).expect(201);
      await api.put('/api/v2/users').send({ identifier: `z-new-${n++}` }).expect(201);
    } while (key);
    expect(new Set(seen).size).toBe(seen.length);
    for (let i = 0; i < 25; i++) expect(seen).toContain(`u-${String(i).padStart(2, '0')}`);
  });

  it('answers 404 not_found for a tampered, foreign-query, foreign-account or expired key', async () => {
    const first = await api.get('/api/v3/users?pageSize=5').expect(200);
    const key: string = first.body.paginationKey;
    expect(key).toEqual(expect.any(String));
    await api.get(`/api/v3/users?pageSize=5&paginationKey=${encodeURIComponent(key)}`).expect(200);

    // Tampered payload, tampered signature, garbage.
    const [body, mac] = key.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    payload.a = ['u-20'];
    const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${mac}`;
    for (const bad of [forged, `${body}.${mac.slice(0, -2)}AA`, 'garbage', `${body}.`]) {
      const res = await api.get(`/api/v3/users?pageSize=5&paginationKey=${encodeURIComponent(bad)}`).expect(404);
      expect(res.body).toEqual({ error: 'not_found', error_description: expect.any(String) });
    }
    // Same key, another query (other filters or page size).
    await api.get(`/api/v3/users?pageSize=5&emailSubstring=odd&paginationKey=${encodeURIComponent(key)}`).expect(404);
    await api.get(`/api/v3/users?pageSize=6&paginationKey=${encodeURIComponent(key)}`).expect(404);
    // Same key, another account.
    const other = (await ctx.newAccount()).api;
    await other.get(`/api/v3/users?pageSize=5&paginationKey=${encodeURIComponent(key)}`).expect(404);
    // Expired: a genuine key signed with the server's key, but already past its expiry.
    const keys = ctx.app.get(PaginationKeyService);
    const binding = { route: 'GET /api/v3/users', accountId, filters: {}, pageSize: 5 };
    const fresh = keys.encode(binding, { after: ['u-04'], page: 2, totalPages: 5 });
    const next = await api.get(`/api/v3/users?pageSize=5&paginationKey=${encodeURIComponent(fresh)}`).expect(200);
    expect(next.body.items[0].identifier).toBe('u-05');
    const expired = keys.encode(binding, { after: ['u-04'], page: 2, totalPages: 5 }, -1000);
    await api.get(`/api/v3/users?pageSize=5&paginationKey=${encodeURIComponent(expired)}`).expect(404);
  });

  it('walks a filter matching more than 10,000 users (index-ordered plan) exactly once', async () => {
    await ctx.db.query(
      `INSERT INTO "user" (account_id, identifier, username, username_key, email) SELECT $1, 'big-' || lpad(i::text, 5, '0'), 'big' || i, 'big' || i, 'b' || i || '@big.io' FROM generate_series(1, 10050) i`,
      [accountId],
    );
    const { ids, pages } = await walk('emailSubstring=BIG.IO&pageSize=200');
    expect(ids).toHaveLength(10050);
    expect(new Set(ids).size).toBe(10050);
    expect([...ids].sort()).toEqual(ids);
    expect(pages).toHaveLength(51);
    expect(pages[0].totalPages).toBe(51);
    const v2 = await api.get('/api/v2/users?emailSubstring=big.io&start=10000&limit=100').expect(200);
    expect(v2.body.map((u: { identifier: string }) => u.identifier)).toEqual(ids.slice(10000));
  });

  it('validates its query', async () => {
    await api.get('/api/v3/users?pageSize=500').expect(400);
    await api.get('/api/v3/users?start=3').expect(400);
    await ctx.http().get('/api/v3/users').expect(401);
  });
});
