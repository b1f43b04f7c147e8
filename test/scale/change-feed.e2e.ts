import { ChangeFeed } from '../../src/core/database/change-feed';
import { TEST_ADMIN, TestContext, createTestApp } from '../support/test-app';
import { waitFor } from './helpers';

/** The listener connection going away: caches bypassed (never stale), then back on after the reconnect. */
describe('scale: the revocation listener loses its connection', () => {
  let ctx: TestContext;
  let feed: ChangeFeed;
  beforeAll(async () => {
    ctx = await createTestApp();
    feed = ctx.app.get(ChangeFeed);
  });
  afterAll(() => ctx.close());

  const killListener = () => ctx.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'las-change-feed' AND datname = current_database()`);
  const organizations = (token: string) => ctx.http().get('/organizations').set('authorization', `Bearer ${token}`);

  it('a revocation made while nobody listens is not answered from the cache, and the feed reconnects', async () => {
    const token = await ctx.superToken();
    expect(feed.live).toBe(true);
    await organizations(token).expect(200); // cached
    await killListener();
    expect((await waitFor(async () => feed.live, (live) => !live, 2000, 5)).value).toBe(false);
    // Nobody hears this NOTIFY; the cache must not answer for the session any more.
    await ctx.db.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = (SELECT id FROM "user" WHERE username = $1)`, [TEST_ADMIN.username]);
    await organizations(token).expect(401);
    const back = await waitFor(async () => feed.live, (live) => live, 10_000, 20);
    expect(back.value).toBe(true);
    await organizations(token).expect(401);
  });

  it('while the feed is live, a change made by raw SQL in this process is refused on the next request', async () => {
    const res = await ctx.http().post('/api/auth/session').send(TEST_ADMIN).expect(200);
    const token = res.body.access_token as string;
    await organizations(token).expect(200);
    await organizations(token).expect(200);
    await ctx.db.query(`UPDATE "user" SET is_active = false WHERE username = $1`, [TEST_ADMIN.username]);
    await organizations(token).expect(401);
    await ctx.db.query(`UPDATE "user" SET is_active = true WHERE username = $1`, [TEST_ADMIN.username]);
  });
});
