import { Readable } from 'node:stream';
import { TestContext, createTestApp } from '../support/test-app';
import { CourseProgressService } from '../../src/dialects/triboo/progress-reports/course-progress.service';
import { accountId, auth, course } from './helpers';

/**
 * The course report streams from a cursor in a transaction of its own (course-progress.stream.ts), reading
 * ahead at most one FETCH: a client that goes away mid-answer must not leave that transaction open or its
 * connection out of the pool. (Over HTTP, Fastify destroys the stream when the socket closes; the loopback
 * socket buffers would swallow tens of MB first, so the stream is driven directly here.)
 */
describe('Triboo course progress report: streaming', () => {
  let ctx: TestContext;
  let token: string;
  let acct: string;
  const courseId = 'course-v1:stream+Abort+2024';

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    acct = await accountId(ctx);
    const channel = await course(ctx, acct, courseId, { name: 'Abort' });
    // 30 chunks of 1,000 rows: six FETCHes of five chunks.
    await ctx.db.query(
      `INSERT INTO "user" (account_id, identifier, username, username_key, email, full_name)
       SELECT $1, 'ab-' || g, 'ab-' || g, 'ab-' || g, 'ab-' || g || '@example.com', 'Abort ' || g FROM generate_series(1, 30000) g`,
      [acct],
    );
    await ctx.db.query(`INSERT INTO enrollment (account_id, user_id, channel_id) SELECT $1, u.id, $2 FROM "user" u WHERE u.account_id = $1 AND u.identifier LIKE 'ab-%'`, [acct, channel]);
  });
  afterAll(() => ctx.close());

  const openCursors = async () =>
    (await ctx.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'FETCH % FROM course_report'`))[0].n as number;

  it('reads at most one FETCH ahead, and drops the cursor and its connection when the reader goes away', async () => {
    const body = await ctx.app.get(CourseProgressService).report(acct, courseId, {});
    expect(body).toBeInstanceOf(Readable);
    const stream = body as Readable;
    let first = '';
    for await (const chunk of stream) {
      first = (chunk as Buffer).toString('utf8');
      expect(await openCursors()).toBe(1); // the rest is still in PostgreSQL, not in memory
      break; // leaving the loop destroys the stream, as a closed socket does
    }
    expect(first.startsWith('{"course_id" : "course-v1:stream+Abort+2024", "course_title" : "Abort", "enrollments" : [{"username":"ab-1",')).toBe(true);
    expect(stream.destroyed).toBe(true);
    for (let i = 0; i < 50 && (await openCursors()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await openCursors()).toBe(0);
    const pool = (ctx.db.driver as unknown as { master: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it('answers the whole report after an abandoned one', async () => {
    const res = await ctx.http().get(`/api/extended/v1/course_progress_report/${encodeURIComponent(courseId)}/`).set(auth(token)).expect(200);
    expect(res.body.enrollments).toHaveLength(30000);
    expect(res.body.enrollments[29999]).toMatchObject({ username: 'ab-30000', status: 'Not Started', progress: 0, current_score: 0, completion_date: null });
  });
});
