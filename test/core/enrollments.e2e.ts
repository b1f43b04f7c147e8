import { DataSource } from 'typeorm';
import { AccountsService } from '../../src/core/accounts/accounts.service';
import { EnrollmentsService } from '../../src/core/learning/enrollments.service';
import { UsersService } from '../../src/core/users/users.service';
import { TestContext, createTestApp } from '../support/test-app';

describe('core enrollments (set-based)', () => {
  let ctx: TestContext;
  let enrollments: EnrollmentsService;
  let users: UsersService;
  let accountId: string;
  let db: DataSource;

  const channel = async (identifier: string): Promise<string> =>
    (await db.query(`INSERT INTO channel (account_id, identifier, name) VALUES ($1, $2, $2) RETURNING id`, [accountId, identifier]))[0].id;

  beforeAll(async () => {
    ctx = await createTestApp();
    db = ctx.db;
    enrollments = ctx.app.get(EnrollmentsService);
    users = ctx.app.get(UsersService);
    accountId = (await ctx.app.get(AccountsService).ensure('default')).id;
  });
  afterAll(() => ctx.close());

  it('enrolls a cross product once, and reports only new or reactivated pairs', async () => {
    const [c1, c2] = [await channel('course-v1:a+b+1'), await channel('course-v1:a+b+2')];
    const u1 = await users.create(accountId, { username: 'e1', email: 'e1@example.com' });
    const u2 = await users.create(accountId, { username: 'e2', email: 'e2@example.com' });
    const first = await db.transaction((m) => enrollments.enroll(m, accountId, [u1.id, u2.id], [c1, c2]));
    expect(first).toHaveLength(4);
    const again = await db.transaction((m) => enrollments.enroll(m, accountId, [u1.id, u2.id], [c1, c2]));
    expect(again).toHaveLength(0);
    const off = await db.transaction((m) => enrollments.unenroll(m, [u1.id], [c1]));
    expect(off).toEqual([{ userId: u1.id, channelId: c1 }]);
    const back = await db.transaction((m) => enrollments.enroll(m, accountId, [u1.id], [c1, c2]));
    expect(back).toEqual([{ userId: u1.id, channelId: c1 }]);
  });

  it('turns an auto-enroll pre-enrollment into an enrollment when the user appears', async () => {
    const c = await channel('course-v1:pre+x+1');
    await db.query(`INSERT INTO pending_enrollment (account_id, email, channel_id, auto_enroll) VALUES ($1, 'late@example.com', $2, true)`, [accountId, c]);
    const u = await users.create(accountId, { username: 'late', email: 'Late@Example.com' });
    const rows = await db.query(`SELECT is_active FROM enrollment WHERE user_id = $1 AND channel_id = $2`, [u.id, c]);
    expect(rows).toEqual([{ is_active: true }]);
    expect(await db.query(`SELECT 1 FROM pending_enrollment WHERE channel_id = $1`, [c])).toHaveLength(0);
  });

  it('derives progress, score and completion from content progress', async () => {
    const c = await channel('course-v1:prog+x+1');
    const u = await users.create(accountId, { username: 'p1' });
    const items = await db.query(
      `INSERT INTO content_item (channel_id, identifier, name, optional, scored) VALUES ($1,'i1','i1',false,true), ($1,'i2','i2',false,true), ($1,'i3','i3',true,false) RETURNING id`,
      [c],
    );
    await db.transaction((m) => enrollments.enroll(m, accountId, [u.id], [c]));
    await db.query(`INSERT INTO content_progress (user_id, content_item_id, completed, score, time_spent_seconds) VALUES ($1, $2, true, 80, 30)`, [u.id, items[0].id]);
    await db.transaction((m) => enrollments.recompute(m, [{ userId: u.id, channelId: c }]));
    let [e] = await db.query(`SELECT progress, score, status, completed_at, time_spent_seconds FROM enrollment WHERE user_id = $1`, [u.id]);
    expect(e).toMatchObject({ progress: 50, score: 80, status: 'in_progress', completed_at: null, time_spent_seconds: 30 });
    await db.query(`INSERT INTO content_progress (user_id, content_item_id, completed, score) VALUES ($1, $2, true, 100)`, [u.id, items[1].id]);
    await db.transaction((m) => enrollments.recompute(m, [{ userId: u.id, channelId: c }]));
    [e] = await db.query(`SELECT progress, score, status, completed_at FROM enrollment WHERE user_id = $1`, [u.id]);
    expect(e).toMatchObject({ progress: 100, score: 90, status: 'finished' });
    expect(e.completed_at).toBeInstanceOf(Date);
  });
  it('enrollFrom / unenrollFrom write the pairs a caller SELECT yields, in one statement, under their source', async () => {
    const [c1, c2] = [await channel('course-v1:from+x+1'), await channel('course-v1:from+x+2')];
    const u1 = await users.create(accountId, { username: 'f1' });
    const u2 = await users.create(accountId, { username: 'f2' });
    const pairs = `SELECT u.user_id, c.channel_id FROM unnest($1::uuid[]) AS u(user_id) CROSS JOIN unnest($2::uuid[]) AS c(channel_id)`;
    await db.transaction((m) => enrollments.enroll(m, accountId, [u1.id], [c1]));
    // Duplicates in the SELECT are written once; u1's active direct enrollment in c1 is left as it is.
    const made = await db.transaction((m) => enrollments.enrollFrom(m, accountId, `${pairs} UNION ALL ${pairs}`, [[u1.id, u2.id], [c1, c2]], 'group'));
    expect(made).toHaveLength(3);
    const sources = await db.query(`SELECT user_id, channel_id, source, is_active FROM enrollment WHERE channel_id = ANY($1::uuid[]) ORDER BY source, user_id, channel_id`, [[c1, c2]]);
    expect(sources.filter((r: { source: string }) => r.source === 'direct')).toEqual([{ user_id: u1.id, channel_id: c1, source: 'direct', is_active: true }]);
    expect(sources.filter((r: { source: string }) => r.source === 'group')).toHaveLength(3);
    // Only the channel's group-sourced ones go; the direct one stays.
    const off = await db.transaction((m) => enrollments.unenrollFrom(m, c1, `SELECT unnest($1::uuid[])`, [[u1.id, u2.id]], 'group'));
    expect(off).toEqual([{ userId: u2.id, channelId: c1 }]);
    const back = await db.transaction((m) => enrollments.enrollFrom(m, accountId, pairs, [[u2.id], [c1, c2]], 'group'));
    expect(back).toEqual([{ userId: u2.id, channelId: c1 }]);
  });

  it('preEnroll records emails x channels and removePending withdraws them; markFinished sets 100 % finished', async () => {
    const [c1, c2] = [await channel('course-v1:pend+x+1'), await channel('course-v1:pend+x+2')];
    await db.transaction((m) => enrollments.preEnroll(m, accountId, ['a@example.com', 'b@example.com'], [c1, c2], false));
    await db.transaction((m) => enrollments.preEnroll(m, accountId, ['a@example.com'], [c1], true));
    const pending = await db.query(`SELECT email, channel_id, auto_enroll FROM pending_enrollment WHERE channel_id = ANY($1::uuid[]) ORDER BY email, auto_enroll`, [[c1, c2]]);
    expect(pending).toHaveLength(4);
    expect(pending.filter((r: { auto_enroll: boolean }) => r.auto_enroll)).toEqual([{ email: 'a@example.com', channel_id: c1, auto_enroll: true }]);
    await db.transaction((m) => enrollments.removePending(m, accountId, ['a@example.com'], [c1, c2]));
    expect(await db.query(`SELECT email FROM pending_enrollment WHERE channel_id = ANY($1::uuid[]) ORDER BY email`, [[c1, c2]])).toEqual([{ email: 'b@example.com' }, { email: 'b@example.com' }]);

    const u = await users.create(accountId, { username: 'fin' });
    await db.transaction((m) => enrollments.enroll(m, accountId, [u.id], [c1, c2], { mode: 'audit' }));
    await db.transaction((m) => enrollments.setMode(m, [u.id], [c1], 'verified'));
    await db.transaction((m) => enrollments.markFinished(m, [{ userId: u.id, channelId: c1 }]));
    const rows = await db.query(`SELECT channel_id, mode, progress, status, completed_at IS NOT NULL AS done FROM enrollment WHERE user_id = $1 ORDER BY channel_id = $2 DESC`, [u.id, c1]);
    expect(rows).toEqual([
      { channel_id: c1, mode: 'verified', progress: 100, status: 'finished', done: true },
      { channel_id: c2, mode: 'audit', progress: 0, status: expect.not.stringMatching(/^finished$/), done: false },
    ]);
  });
});
