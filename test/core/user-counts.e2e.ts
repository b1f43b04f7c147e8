import { foldUserCounts, userCounts } from '../../src/core/users/user-counts';
import { TestContext, createTestApp } from '../support/test-app';
import { TestAccount } from '../support/test-context';

/** The maintained per-account user counts (migration UserCounts) against count(*) after every kind of write. */
describe('per-account user counts', () => {
  let ctx: TestContext;
  let a: TestAccount;
  let b: TestAccount;
  beforeAll(async () => {
    ctx = await createTestApp();
    a = await ctx.newAccount();
    b = await ctx.newAccount();
  });
  afterAll(() => ctx.close());

  const insert = (accountId: string, prefix: string, n: number, superuser = false) =>
    ctx.db.query(
      `INSERT INTO "user" (account_id, identifier, username, username_key, email, is_superuser)
       SELECT $1, $2 || g, $2 || g, $2 || g, $2 || g || '@counts.example.com', $4 FROM generate_series(1, $3::int) g`,
      [accountId, prefix, n, superuser],
    );

  async function expectExact(accountId: string): Promise<void> {
    const [truth] = await ctx.db.query(
      `SELECT count(*)::int AS users, (count(*) FILTER (WHERE is_superuser))::int AS superusers FROM "user" WHERE account_id = $1`,
      [accountId],
    );
    expect(await userCounts(ctx.db, accountId)).toEqual(truth);
  }

  it('follows set-based inserts, deletes, superuser changes and moves between accounts', async () => {
    await insert(a.id, 'c1-', 50);
    await insert(a.id, 'c1s-', 3, true);
    expect(await userCounts(ctx.db, a.id)).toEqual({ users: 53, superusers: 3 });
    await ctx.db.query(`DELETE FROM "user" WHERE account_id = $1 AND identifier LIKE 'c1-1%'`, [a.id]);
    await ctx.db.query(`UPDATE "user" SET is_superuser = true WHERE account_id = $1 AND identifier IN ('c1-2', 'c1-3')`, [a.id]);
    await ctx.db.query(`UPDATE "user" SET is_superuser = false WHERE account_id = $1 AND identifier = 'c1s-1'`, [a.id]);
    await ctx.db.query(`UPDATE "user" SET account_id = $2 WHERE account_id = $1 AND identifier IN ('c1-4', 'c1s-2')`, [a.id, b.id]);
    // An update that touches neither column leaves the counts alone.
    await ctx.db.query(`UPDATE "user" SET first_name = 'x' WHERE account_id = $1`, [a.id]);
    await expectExact(a.id);
    await expectExact(b.id);
    expect((await userCounts(ctx.db, b.id)).users).toBe(2);
  });

  it('counts what the reading transaction sees, and nothing of a rolled-back one', async () => {
    const before = await userCounts(ctx.db, a.id);
    await ctx.db
      .transaction(async (m) => {
        await m.query(`INSERT INTO "user" (account_id, identifier, username, username_key) VALUES ($1, 'tx-1', 'tx-1', 'tx-1')`, [a.id]);
        expect((await userCounts(m, a.id)).users).toBe(before.users + 1);
        expect((await userCounts(ctx.db, a.id)).users).toBe(before.users);
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
    expect(await userCounts(ctx.db, a.id)).toEqual(before);
  });

  it('folds many delta rows into one without losing concurrent writes', async () => {
    const c = await ctx.newAccount();
    for (let i = 0; i < 40; i++) await insert(c.id, `f${i}-`, 1);
    // Folds racing each other and single-row inserts and deletes.
    await Promise.all([
      ...Array.from({ length: 6 }, () => foldUserCounts(ctx.db, c.id)),
      ...Array.from({ length: 20 }, (_, i) => insert(c.id, `g${i}-`, 2)),
      ...Array.from({ length: 5 }, (_, i) => ctx.db.query(`DELETE FROM "user" WHERE account_id = $1 AND identifier = $2`, [c.id, `f${i}-1`])),
    ]);
    await expectExact(c.id);
    expect((await userCounts(ctx.db, c.id)).users).toBe(40 + 40 - 5);
    await foldUserCounts(ctx.db, c.id);
    const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM user_count_delta WHERE account_id = $1`, [c.id]);
    expect(n).toBe(1);
    await expectExact(c.id);
  });

  it('answers the Triboo and Enabley list counts exactly after writes', async () => {
    const d = await ctx.newAccount();
    await insert(d.id, 'l-', 12);
    await insert(d.id, 'ls-', 2, true);
    await ctx.db.query(`DELETE FROM "user" WHERE account_id = $1 AND identifier = 'l-1'`, [d.id]);
    const triboo = await d.api.get('/api/extended/v1/users/?page_size=5').expect(200);
    expect(triboo.body.count).toBe(13);
    expect(triboo.body.num_pages).toBe(3);
    // Enabley lists the account's members only, platform administrators left out.
    const v3 = await d.api.get('/api/v3/users?pageSize=5').expect(200);
    expect(v3.body.totalPages).toBe(3);
    const v3small = await d.api.get('/api/v3/users?pageSize=11').expect(200);
    expect(v3small.body.totalPages).toBe(1);
  });
});
