import { DataSource } from 'typeorm';
import { EnrollmentsService } from '../../src/core/learning/enrollments.service';
import { TestContext, createTestApp } from '../support/test-app';
import { TestAccount } from '../support/test-context';

/**
 * The bulk inserts' plain path (noneExist: the caller read that no row exists): when a row appeared anyway, as one
 * another transaction commits between the read and the insert, the outcome is the upsert's, with nothing lost.
 */
describe('bulk inserts without the conflict check', () => {
  let ctx: TestContext;
  let account: TestAccount;
  let enrollments: EnrollmentsService;
  let n = 0;
  beforeAll(async () => {
    ctx = await createTestApp();
    account = await ctx.newAccount();
    enrollments = ctx.app.get(EnrollmentsService);
  });
  afterAll(() => ctx.close());

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.query(sql, params)) as T[];
  const users = async (count: number) => {
    const names = Array.from({ length: count }, () => `pi-${++n}`);
    return (await query<{ id: string }>(`INSERT INTO "user" (account_id, identifier, username, username_key, email) SELECT $1, x, x, x, x || '@example.com' FROM unnest($2::text[]) x RETURNING id`, [account.id, names])).map((r) => r.id);
  };
  const course = async () => (await query<{ id: string }>(`INSERT INTO channel (account_id, identifier, name, type) VALUES ($1, $2, $2, 'COURSE') RETURNING id`, [account.id, `course-v1:pi+c${++n}+run`]))[0].id;
  const inTransaction = (work: (m: DataSource['manager']) => Promise<void>) => ctx.app.get(DataSource).transaction(work);

  it('enrolls everyone when nothing existed', async () => {
    const [u, c] = [await users(3), await course()];
    await inTransaction((m) => enrollments.enrollAll(m, account.id, u, [c], { noneExist: true }));
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM enrollment WHERE channel_id = $1 AND is_active`, [c]))[0].n).toBe(3);
  });

  it('falls back to the upsert when a row exists after all: an inactive one is reactivated, the others inserted, in the same transaction', async () => {
    const [u, c] = [await users(3), await course()];
    await query(`INSERT INTO enrollment (account_id, user_id, channel_id, is_active) VALUES ($1, $2, $3, false)`, [account.id, u[1], c]);
    await inTransaction(async (m) => {
      await enrollments.enrollAll(m, account.id, u, [c], { noneExist: true });
      // The transaction goes on after the rolled-back attempt: later statements of the bulk call still run in it.
      await enrollments.preEnroll(m, account.id, ['late@example.com'], [c], true);
    });
    const rows = await query<{ user_id: string; is_active: boolean }>(`SELECT user_id, is_active FROM enrollment WHERE channel_id = $1 ORDER BY user_id`, [c]);
    expect(rows).toEqual([...u].sort().map((id) => ({ user_id: id, is_active: true })));
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM pending_enrollment WHERE channel_id = $1`, [c]))[0].n).toBe(1);
  });

  it('does the same for pre-enrollments: an existing one keeps one row and takes the new auto_enroll', async () => {
    const c = await course();
    await query(`INSERT INTO pending_enrollment (account_id, email, channel_id, auto_enroll) VALUES ($1, 'a@example.com', $2, false)`, [account.id, c]);
    await inTransaction((m) => enrollments.preEnroll(m, account.id, ['a@example.com', 'b@example.com'], [c], true, { noneExist: true }));
    const rows = await query<{ email: string; auto_enroll: boolean }>(`SELECT email, auto_enroll FROM pending_enrollment WHERE channel_id = $1 ORDER BY email`, [c]);
    expect(rows).toEqual([
      { email: 'a@example.com', auto_enroll: true },
      { email: 'b@example.com', auto_enroll: true },
    ]);
  });

  it('lets other errors through: a missing course is still refused', async () => {
    const u = await users(1);
    await expect(inTransaction((m) => enrollments.enrollAll(m, account.id, u, ['00000000-0000-4000-8000-000000000000'], { noneExist: true }))).rejects.toMatchObject({ code: '23503' });
  });
});
