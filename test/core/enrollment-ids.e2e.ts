import { QueryRunner } from 'typeorm';
import { TimeOrderedEnrollmentIds1796195000000 } from '../../migrations/1796195000000-TimeOrderedEnrollmentIds';
import { TestContext, createTestApp } from '../support/test-app';
import { TestAccount } from '../support/test-context';

/** Enrollment ids are UUID version 7 (migration TimeOrderedEnrollmentIds), on PostgreSQL 18 and with the fallback for older servers. */
describe('time-ordered enrollment ids', () => {
  let ctx: TestContext;
  let account: TestAccount;
  let n = 0;
  beforeAll(async () => {
    ctx = await createTestApp();
    account = await ctx.newAccount();
  });
  afterAll(() => ctx.close());

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.query(sql, params)) as T[];
  /** Enrolls fresh users in a fresh course one statement at a time, a few milliseconds apart; returns the ids in order. */
  const enrollSome = async (count: number): Promise<string[]> => {
    const [{ id: channel }] = await query<{ id: string }>(`INSERT INTO channel (account_id, identifier, name, type) VALUES ($1, $2, $2, 'COURSE') RETURNING id`, [account.id, `course-v1:ids+c${++n}+run`]);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const [{ id: user }] = await query<{ id: string }>(`INSERT INTO "user" (account_id, identifier, username, username_key) VALUES ($1, $2, $2, $2) RETURNING id`, [account.id, `ids-${n}-${i}`]);
      const [{ id }] = await query<{ id: string }>(`INSERT INTO enrollment (account_id, user_id, channel_id) VALUES ($1, $2, $3) RETURNING id`, [account.id, user, channel]);
      ids.push(id);
      await new Promise((r) => setTimeout(r, 3));
    }
    return ids;
  };
  const expectVersion7 = (ids: string[]) => {
    const started = Date.now();
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(Math.abs(started - millis)).toBeLessThan(60_000);
    }
    expect([...ids].sort()).toEqual(ids);
  };

  it('gives new enrollments version 7 ids that sort in the order they were made', async () => {
    expectVersion7(await enrollSome(5));
  });

  it('builds the same layout from gen_random_uuid() on a server without uuidv7()', async () => {
    // The migration's own branch for PostgreSQL < 18, run against this test's database with the native function hidden.
    const runner = {
      query: (sql: string, params?: unknown[]) => (sql.includes('to_regprocedure') ? Promise.resolve([{ native: false }]) : ctx.db.query(sql, params)),
    } as unknown as QueryRunner;
    await new TimeOrderedEnrollmentIds1796195000000().up(runner);
    const [{ body }] = await query<{ body: string }>(`SELECT prosrc AS body FROM pg_proc WHERE proname = 'las_uuidv7'`);
    expect(body).toContain('gen_random_uuid()');
    expectVersion7(await enrollSome(5));
  });
});
