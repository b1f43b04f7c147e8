import { TestContext, createTestApp } from '../support/test-app';

/**
 * CONTRACT section 6: uniqueness is enforced by the database, so N concurrent creates of the same
 * thing give exactly one success and conflicts (or, for upserts, updates) for the rest; never a 5xx,
 * never a duplicate row.
 */
describe('concurrent creates of one unique thing', () => {
  const N = 20;
  let ctx: TestContext;
  let token: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
  });
  afterAll(() => ctx.close());

  const auth = () => ({ Authorization: `Bearer ${token}` });
  async function race(send: (i: number) => Promise<{ status: number; body: unknown }>) {
    const results = await Promise.all(Array.from({ length: N }, (_, i) => send(i)));
    const byStatus: Record<number, number> = {};
    for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    return { results, byStatus };
  }
  const count = async (sql: string, params: unknown[]) => Number((await ctx.db.query(sql, params))[0].n);

  it('Enabley PUT /api/v2/users, one identifier: one 201, the rest 200 updates, one row', async () => {
    const { byStatus } = await race((i) => ctx.http().put('/api/v2/users').set(auth()).send({ identifier: 'race-en', firstName: `F${i}` }));
    expect(byStatus).toEqual({ 201: 1, 200: N - 1 });
    expect(await count(`SELECT count(*) n FROM "user" WHERE identifier = $1`, ['race-en'])).toBe(1);
  });

  it('Enabley PUT /api/v2/users, one username under many identifiers: one 201, the rest 409 item_exists', async () => {
    const { results, byStatus } = await race((i) => ctx.http().put('/api/v2/users').set(auth()).send({ identifier: `race-en-${i}`, username: 'race-en-name' }));
    expect(byStatus).toEqual({ 201: 1, 409: N - 1 });
    for (const r of results.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ error: 'item_exists' });
    expect(await count(`SELECT count(*) n FROM "user" WHERE username = $1 OR identifier LIKE 'race-en-%'`, ['race-en-name'])).toBe(1);
  });

  it('Kolibri POST /api/auth/facilityuser, one username: one 201, the rest 400 UNIQUE', async () => {
    const facility = (await ctx.http().post('/api/auth/facility').set(auth()).send({ name: 'Race' }).expect(201)).body;
    const { results, byStatus } = await race(() =>
      ctx.http().post('/api/auth/facilityuser').set(auth()).send({ username: 'race-ko', password: 'race-password-1', facility: facility.id }),
    );
    expect(byStatus).toEqual({ 201: 1, 400: N - 1 });
    for (const r of results.filter((x) => x.status === 400)) expect((r.body as { id: string }[])[0].id).toBe('UNIQUE');
    expect(await count(`SELECT count(*) n FROM "user" WHERE username = $1`, ['race-ko'])).toBe(1);
  });

  it('Organizations POST /organizations, one code: one 200, the rest 409 already_exists', async () => {
    const { results, byStatus } = await race((i) => ctx.http().post('/organizations').set(auth()).send({ code: 'race-org', name: `Race ${i}` }));
    expect(byStatus).toEqual({ 200: 1, 409: N - 1 });
    for (const r of results.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ error: 'already_exists' });
  });

  it('Triboo POST /api/extended/v1/users, one email under many usernames: one 201, the rest 409 email_already_used', async () => {
    const { results, byStatus } = await race((i) => ctx.http().post('/api/extended/v1/users').set(auth()).send({ username: `race-tr-${i}`, email: 'race-tr@example.com' }));
    expect(byStatus).toEqual({ 201: 1, 409: N - 1 });
    for (const r of results.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ status: 'email_already_used' });
    expect(await count(`SELECT count(*) n FROM "user" WHERE lower(email) = $1`, ['race-tr@example.com'])).toBe(1);
  });

  it('Enabley PUT /api/v1/groups, one identifier: one 201, the rest 200, one group', async () => {
    const { byStatus } = await race((i) => ctx.http().put('/api/v1/groups').set(auth()).send({ identifier: 'race-group', name: `G${i}` }));
    expect(byStatus).toEqual({ 201: 1, 200: N - 1 });
  });

  it('Enabley PUT /api/v1/channels, one identifier: one 201, the rest 200', async () => {
    const { byStatus } = await race((i) => ctx.http().put('/api/v1/channels').set(auth()).send({ identifier: 'course-v1:race+c+r', name: `C${i}` }));
    expect(byStatus).toEqual({ 201: 1, 200: N - 1 });
  });

  it('Kolibri POST /api/auth/membership, one user and classroom: one 201, no 5xx, one row', async () => {
    const facility = (await ctx.http().post('/api/auth/facility').set(auth()).send({ name: 'Race 2' }).expect(201)).body;
    const classroom = (await ctx.http().post('/api/auth/classroom').set(auth()).send({ name: 'Room', parent: facility.id }).expect(201)).body;
    const user = (await ctx.http().post('/api/auth/facilityuser').set(auth()).send({ username: 'race-member', password: 'race-password-1', facility: facility.id }).expect(201)).body;
    const { byStatus } = await race(() => ctx.http().post('/api/auth/membership').set(auth()).send({ user: user.id, collection: classroom.id }));
    expect(byStatus[201]).toBe(1);
    expect(Object.keys(byStatus).every((s) => Number(s) < 500)).toBe(true);
    expect(await count(`SELECT count(*) n FROM kolibri_membership WHERE user_id = $1`, [user.id])).toBe(1);
  });

  it('Enabley PUT /api/v2/userProfiles, one identifier: one 201, the rest 200', async () => {
    const { byStatus } = await race((i) => ctx.http().put('/api/v2/userProfiles').set(auth()).send({ identifier: 'race-profile', name: `P${i}` }));
    expect(byStatus).toEqual({ 201: 1, 200: N - 1 });
  });

  it('Enabley PUT /api/v1/certificates, one id: one 201, the rest 200', async () => {
    const { byStatus } = await race((i) => ctx.http().put('/api/v1/certificates').set(auth()).send({ externalCertificateId: 'race-cert', name: `Cert ${i}` }));
    expect(byStatus).toEqual({ 201: 1, 200: N - 1 });
  });

  it('Enabley PUT contentItems, one item identifier: all 200', async () => {
    await ctx.http().put('/api/v1/channels').set(auth()).send({ identifier: 'course-v1:race+items+r', name: 'Items' }).expect(201);
    const items = await race((i) =>
      ctx.http().put('/api/v1/channels/course-v1:race+items+r/contentItems').set(auth()).send({ items: [{ identifier: 'race-item', name: `I${i}` }] }),
    );
    expect(items.byStatus).toEqual({ 200: N });
  });

  it('Triboo POST /api/enrollment/v1/enrollment, one user and course: all 200, one enrollment', async () => {
    await ctx.http().put('/api/v1/channels').set(auth()).send({ identifier: 'course-v1:race+enr+r', name: 'Enr' }).expect(201);
    await ctx.http().post('/api/extended/v1/users').set(auth()).send({ username: 'race-enr', email: 'race-enr@example.com' }).expect(201);
    const { byStatus } = await race(() =>
      ctx.http().post('/api/enrollment/v1/enrollment').set(auth()).send({ user: 'race-enr', course_details: { course_id: 'course-v1:race+enr+r' } }),
    );
    expect(byStatus).toEqual({ 200: N });
    expect(
      await count(`SELECT count(*) n FROM enrollment e JOIN "user" u ON u.id = e.user_id JOIN channel c ON c.id = e.channel_id WHERE u.username = $1 AND c.identifier = $2`, [
        'race-enr',
        'course-v1:race+enr+r',
      ]),
    ).toBe(1);
  });

  it('Organizations POST /organization:departments (an upsert), one name: all 200, one row', async () => {
    await ctx.http().post('/organizations').set(auth()).send({ code: 'race-dep-org', name: 'Dep org' }).expect(200);
    const { byStatus } = await race(() => ctx.http().post('/organization:departments').set(auth()).send({ organization: 'race-dep-org', name: 'Teachers' }));
    expect(byStatus).toEqual({ 200: N });
    expect(await count(`SELECT count(*) n FROM organization_department WHERE name = $1`, ['Teachers'])).toBe(1);
  });
});
