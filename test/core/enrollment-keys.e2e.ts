import { PG_FOREIGN_KEY_VIOLATION } from '../../src/core/database/pg-error';
import { sqlState, twoSessions } from '../support/db-sessions';
import { TestContext, createTestApp } from '../support/test-app';
import { TestAccount } from '../support/test-context';

/**
 * The keys of enrollment (user, channel) and pending_enrollment (channel), enforced per statement (migration
 * SetBasedEnrollmentKeys) instead of by row-by-row foreign keys: the same refusals, cascades and behaviour under
 * concurrent deletes.
 */
describe('set-based enrollment keys', () => {
  let ctx: TestContext;
  let account: TestAccount;
  let n = 0;
  beforeAll(async () => {
    ctx = await createTestApp();
    account = await ctx.newAccount();
  });
  afterAll(() => ctx.close());

  type Db = { query(sql: string, params: unknown[]): Promise<unknown> };
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await ctx.db.query(sql, params)) as T[])[0];
  const newUser = async (accountId = account.id) => {
    const name = `ek-${++n}-${Date.now()}`;
    return (await one<{ id: string }>(`INSERT INTO "user" (account_id, identifier, username, username_key) VALUES ($1, $2, $2, $2) RETURNING id`, [accountId, name])).id;
  };
  const newChannel = async (accountId = account.id) =>
    (await one<{ id: string }>(`INSERT INTO channel (account_id, identifier, name, type) VALUES ($1, $2, $2, 'COURSE') RETURNING id`, [accountId, `course-v1:ek+c${++n}+run`])).id;
  const enroll = (user: string, channel: string, db: Db = ctx.db) => db.query(`INSERT INTO enrollment (account_id, user_id, channel_id) VALUES ($1, $2, $3)`, [account.id, user, channel]);
  const preEnroll = (email: string, channel: string) => ctx.db.query(`INSERT INTO pending_enrollment (account_id, email, channel_id) VALUES ($1, $2, $3)`, [account.id, email, channel]);
  const count = async (sql: string, params: unknown[]) => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).n;
  const fkError = sqlState;
  const missing = '00000000-0000-4000-8000-000000000000';

  it('refuses an enrollment naming a missing user or channel, and a pre-enrollment naming a missing channel, on insert and on update', async () => {
    const user = await newUser();
    const channel = await newChannel();
    await expect(enroll(missing, channel).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    await expect(enroll(user, missing).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    await expect(preEnroll('ek@example.com', missing).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    await enroll(user, channel);
    await preEnroll('ek@example.com', channel);
    await expect(ctx.db.query(`UPDATE enrollment SET user_id = $2 WHERE user_id = $1`, [user, missing]).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    await expect(ctx.db.query(`UPDATE enrollment SET channel_id = $2 WHERE user_id = $1`, [user, missing]).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    await expect(ctx.db.query(`UPDATE pending_enrollment SET channel_id = $2 WHERE channel_id = $1`, [channel, missing]).catch(fkError)).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    // An update to an existing parent, and one that leaves the keys alone, pass.
    const other = await newChannel();
    await ctx.db.query(`UPDATE enrollment SET channel_id = $2 WHERE user_id = $1`, [user, other]);
    await ctx.db.query(`UPDATE enrollment SET is_active = false WHERE user_id = $1`, [user]);
    expect(await count(`enrollment WHERE user_id = $1 AND channel_id = $2 AND NOT is_active`, [user, other])).toBe(1);
    // A bulk statement is refused whole when one row names a missing parent.
    const u2 = await newUser();
    await expect(
      ctx.db.query(`INSERT INTO enrollment (account_id, user_id, channel_id) SELECT $1, u, $3 FROM unnest($2::uuid[]) u`, [account.id, [u2, missing], channel]).catch(fkError),
    ).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
    expect(await count(`enrollment WHERE user_id = $1`, [u2])).toBe(0);
  });

  it('cascades the deletion of a user, a channel and an account', async () => {
    const [c1, c2] = [await newChannel(), await newChannel()];
    const [u1, u2, u3] = [await newUser(), await newUser(), await newUser()];
    for (const u of [u1, u2, u3]) for (const c of [c1, c2]) await enroll(u, c);
    await preEnroll('ek-a@example.com', c1);
    await preEnroll('ek-a@example.com', c2);

    await ctx.db.query(`DELETE FROM "user" WHERE id = $1`, [u1]);
    expect(await count(`enrollment WHERE user_id = $1`, [u1])).toBe(0);
    expect(await count(`enrollment WHERE channel_id = $1`, [c1])).toBe(2);

    await ctx.db.query(`DELETE FROM channel WHERE id = $1`, [c1]);
    expect(await count(`enrollment WHERE channel_id = $1`, [c1])).toBe(0);
    expect(await count(`pending_enrollment WHERE channel_id = $1`, [c1])).toBe(0);
    expect(await count(`enrollment WHERE channel_id = $1`, [c2])).toBe(2);
    expect(await count(`pending_enrollment WHERE channel_id = $1`, [c2])).toBe(1);

    // An account's deletion cascades to its users and channels, whose deletion cascades to the enrollments.
    const other = await ctx.newAccount();
    const c3 = await newChannel(other.id);
    const u4 = await newUser(other.id);
    await ctx.db.query(`INSERT INTO enrollment (account_id, user_id, channel_id) VALUES ($1, $2, $3)`, [other.id, u4, c3]);
    await ctx.db.query(`INSERT INTO pending_enrollment (account_id, email, channel_id) VALUES ($1, 'ek-b@example.com', $2)`, [other.id, c3]);
    await ctx.db.query(`DELETE FROM account WHERE id = $1`, [other.id]);
    expect(await count(`enrollment WHERE user_id = $1 OR channel_id = $2`, [u4, c3])).toBe(0);
    expect(await count(`pending_enrollment WHERE channel_id = $1`, [c3])).toBe(0);
  });

  describe('concurrent delete of the parent', () => {
    const sessions = twoSessions(() => ctx.db);

    it('an enrollment committed first is deleted by the user deletion waiting for it', async () => {
      const { a, b } = sessions;
      const channel = await newChannel();
      const user = await newUser();
      await a.startTransaction();
      await enroll(user, channel, a);
      await b.startTransaction();
      const deleting = b.query(`DELETE FROM "user" WHERE id = $1`, [user]);
      // The delete waits for the key lock of the enrollment's statement.
      const early = await Promise.race([deleting.then(() => 'deleted'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
      expect(early).toBe('waiting');
      await a.commitTransaction();
      await deleting;
      await b.commitTransaction();
      expect(await count(`enrollment WHERE user_id = $1`, [user])).toBe(0);
    });

    it('an enrollment in a channel deleted by an uncommitted transaction is refused once that one commits', async () => {
      const { a, b } = sessions;
      const channel = await newChannel();
      const user = await newUser();
      await b.startTransaction();
      await b.query(`DELETE FROM channel WHERE id = $1`, [channel]);
      await a.startTransaction();
      const inserting = enroll(user, channel, a).then(
        () => 'inserted',
        (e) => fkError(e),
      );
      const early = await Promise.race([inserting, new Promise((r) => setTimeout(() => r('waiting'), 300))]);
      expect(early).toBe('waiting');
      await b.commitTransaction();
      await expect(inserting).resolves.toBe(PG_FOREIGN_KEY_VIOLATION);
      await a.rollbackTransaction();
      expect(await count(`enrollment WHERE channel_id = $1`, [channel])).toBe(0);
    });
  });
});
