import { TestContext, createTestApp } from '../support/test-app';
import { auth, userToken } from './helpers';

describe('Triboo users', () => {
  let ctx: TestContext;
  let token: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
  });
  afterAll(() => ctx.close());

  const post = (body: Record<string, unknown>, form = false) => {
    const r = ctx.http().post('/api/extended/v1/users/').set(auth(token));
    return form ? r.type('form').send(body as Record<string, string>) : r.send(body);
  };

  it('answers 401 in the Triboo shape without a token, 200 with an API client token', async () => {
    const res = await ctx.http().get('/api/extended/v1/users/').expect(401);
    expect(res.body).toEqual({ status: expect.any(String), detail: expect.any(String) });
    const ok = await ctx.http().get('/api/extended/v1/users/').set(auth(token)).expect(200);
    expect(ok.body).toMatchObject({ current_page: 1, start: 0, previous: null, next: null });
  });

  it('creates a user from a form body with every profile field and the seed defaults', async () => {
    const res = await post({ username: 'user8', email: 'user8@example.com', first_name: 'first8', last_name: 'last8', name: 'Eight' }, true).expect(201);
    expect(res.body).toMatchObject({
      status: 'user_created',
      username: 'user8',
      email: 'user8@example.com',
      first_name: 'first8',
      last_name: 'last8',
      name: 'Eight',
      lt_exempt_status: true,
      lt_is_tos_agreed: false,
      lt_gdpr: false,
      language: '',
      location: '',
      country: '',
      city: null,
      bio: null,
      year_of_birth: null,
      lt_supervisor: null,
      platform_role: 'Learner',
      analytics_access: null,
      internal_catalog_access: true,
      is_active: true,
      user_id: expect.any(Number),
    });
    for (const f of ['lt_comments', 'lt_address', 'lt_ilt_supervisor', 'lt_sub_area', 'lt_custom_country', 'lt_address_2', 'lt_phone_number', 'lt_area', 'goals', 'lt_employee_id', 'lt_learning_group', 'lt_level', 'lt_hire_date', 'lt_job_code', 'lt_company', 'gender', 'level_of_education', 'lt_department', 'lt_job_description']) {
      expect(res.body[f]).toBeNull();
    }
  });

  it('stores every field sent as JSON and reads it back', async () => {
    const body = {
      username: 'full', email: 'Full@Example.com', first_name: 'F', last_name: 'L', name: 'Full Name', language: 'fr', location: 'Paris',
      year_of_birth: 1990, bio: 'b', goals: 'g', level_of_education: 'm', gender: 'f', city: 'Lyon', country: 'fr', lt_custom_country: 'cc',
      lt_area: 'a', lt_sub_area: 'sa', lt_address: 'ad', lt_address_2: 'ad2', lt_phone_number: '+33', lt_gdpr: true, lt_company: 'co',
      lt_employee_id: 'e1', lt_hire_date: '2021-09-01', lt_level: 'l', lt_job_code: 'jc', lt_job_description: 'jd', lt_department: 'd',
      lt_supervisor: 'boss', lt_learning_group: 'lg', lt_exempt_status: false, lt_is_tos_agreed: true, lt_comments: 'c', lt_ilt_supervisor: 'ilt',
    };
    const res = await post(body).expect(201);
    const got = await ctx.http().get(`/api/extended/v1/users/${res.body.user_id}/`).set(auth(token)).expect(200);
    expect(got.body).toMatchObject({ ...body, country: 'FR', is_active: true, user_id: res.body.user_id });
    const byName = await ctx.http().get('/api/extended/v1/users_by_username/full/').set(auth(token)).expect(200);
    expect(byName.body).toEqual(got.body);
  });

  it('answers username_already_used and email_already_used with 409', async () => {
    let res = await post({ username: 'user8', email: 'other8@example.com' }).expect(409);
    expect(res.body).toEqual({ status: 'username_already_used', detail: expect.any(String) });
    res = await post({ username: 'other8', email: 'USER8@example.com' }).expect(409);
    expect(res.body).toEqual({ status: 'email_already_used', detail: expect.any(String) });
  });

  it('gives exactly one user_created to 20 concurrent creates of one username', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post({ username: 'racer', email: `racer${i}@example.com` })));
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'user_created')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'username_already_used')).toHaveLength(19);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
  });

  it('refuses bad input in the Triboo error shape', async () => {
    for (const body of [
      { email: 'x@example.com' },
      { username: 'x', email: 'not-an-email' },
      { username: 'x', email: 'x@example.com', unknown_field: 1 },
      { username: 'x', email: 'x@example.com', platform_role: 'King' },
      { username: 'x', email: 'x@example.com', year_of_birth: 'abc' },
      { username: 'x', email: 'x@example.com', lt_gdpr: 'maybe' },
      { username: 'x', email: 'x@example.com', lt_hire_date: '2021-13-01' },
      { username: 'x y', email: 'x@example.com' },
      { username: 'x', email: 'x@example.com', language: null },
    ]) {
      const res = await post(body).expect(400);
      expect(res.body).toEqual({ status: 'error', detail: expect.any(String) });
    }
    await ctx.http().get('/api/extended/v1/users/abc/').set(auth(token)).expect(400);
    const nf = await ctx.http().get('/api/extended/v1/users/999999/').set(auth(token)).expect(404);
    expect(nf.body).toEqual({ status: 'user_not_found', detail: expect.any(String) });
  });

  it('maps platform_role, analytics_access and catalog flags onto groups and back', async () => {
    const res = await post({
      username: 'groups1', email: 'g1@example.com', platform_role: 'Studio Admin', analytics_access: 'Restricted',
      internal_catalog_access: 'false', edflex_catalog_access: 'false', crehana_catalog_access: 'true', anderspink_catalog_access: 'false', learnlight_catalog_access: 'false',
    }, true).expect(201);
    expect(res.body).toMatchObject({ platform_role: 'Studio Admin', analytics_access: 'Restricted', internal_catalog_access: false, edflex_catalog_access: false, crehana_catalog_access: true, anderspink_catalog_access: false, learnlight_catalog_access: false });
    const groups = async () => (await ctx.db.query(`SELECT group_name FROM triboo_user_group g JOIN "user" u ON u.id = g.user_id WHERE u.username = 'groups1' ORDER BY 1`)).map((r: { group_name: string }) => r.group_name);
    expect(await groups()).toEqual(['ANALYTICS_LIMITED_ACCESS_GROUP', 'ANDERSPINK_DENIED_GROUP', 'CATALOG_DENIED_GROUP', 'EDFLEX_DENIED_GROUP', 'LEARNLIGHT_DENIED_GROUP', 'STUDIO_ADMIN_ACCESS_GROUP']);
    const upd = await ctx.http().put('/update_user_by_username/groups1').set(auth(token)).send({ anderspink_catalog_access: true, analytics_access: 'Full Access', platform_role: 'Learner' }).expect(200);
    expect(upd.body).toMatchObject({ status: 'user_updated', platform_role: 'Learner', analytics_access: 'Full Access', anderspink_catalog_access: true, internal_catalog_access: false });
    expect(await groups()).toEqual(['ANALYTICS_ACCESS_GROUP', 'CATALOG_DENIED_GROUP', 'EDFLEX_DENIED_GROUP', 'LEARNLIGHT_DENIED_GROUP']);
    // A group written directly is read back as its flag.
    await ctx.db.query(`INSERT INTO triboo_user_group (user_id, account_id, group_name) SELECT id, account_id, 'CREHANA_DENIED_GROUP' FROM "user" WHERE username = 'groups1'`);
    const got = await ctx.http().get('/api/extended/v1/users_by_username/groups1').set(auth(token)).expect(200);
    expect(got.body.crehana_catalog_access).toBe(false);
    const admin = await ctx.http().put('/update_user_by_username/groups1').set(auth(token)).send({ platform_role: 'Super Platform Admin', analytics_access: 'None' }).expect(200);
    expect(admin.body).toMatchObject({ platform_role: 'Super Platform Admin', analytics_access: 'Full Access' });
    const row = await ctx.db.query(`SELECT p.is_staff, p.is_superuser, u.is_superuser AS core_superuser FROM triboo_user_profile p JOIN "user" u ON u.id = p.user_id WHERE u.username = 'groups1'`);
    expect(row).toEqual([{ is_staff: true, is_superuser: true, core_superuser: false }]);
  });

  it('updates by id and by username with the seed status words', async () => {
    const a = await post({ username: 'upd1', email: 'upd1@example.com', first_name: 'A', last_name: 'B' }).expect(201);
    await post({ username: 'upd2', email: 'upd2@example.com' }).expect(201);
    const res = await ctx.http().put(`/update_user/${a.body.user_id}`).set(auth(token)).type('form').send({ lt_gdpr: 'true', city: 'Rome', username: 'upd1b' }).expect(200);
    expect(res.body).toMatchObject({ status: 'user_updated', username: 'upd1b', lt_gdpr: true, city: 'Rome', email: 'upd1@example.com' });
    expect((await ctx.http().put('/update_user_by_username/upd1b').set(auth(token)).send({ username: 'upd2' }).expect(409)).body.status).toBe('username_already_used');
    // The old username is free again after a rename.
    await post({ username: 'upd1', email: 'upd1-new@example.com' }).expect(201);
    expect((await ctx.http().put('/update_user_by_username/upd1b').set(auth(token)).send({ email: 'UPD2@example.com' }).expect(409)).body.status).toBe('email_already_used');
    expect((await ctx.http().put('/update_user/999999').set(auth(token)).send({ city: 'x' }).expect(404)).body).toEqual({ status: 'user_not_found', detail: expect.any(String) });
    expect((await ctx.http().put('/update_user_by_username/nobody').set(auth(token)).send({ city: 'x' }).expect(404)).body.status).toBe('user_not_found');
    expect((await ctx.http().put('/update_user/abc').set(auth(token)).send({ city: 'x' }).expect(400)).body.status).toBe('error');
    expect((await ctx.http().put('/update_user_by_username/upd1b').set(auth(token)).send({ bogus: 1 }).expect(400)).body.status).toBe('error');
    for (const field of ['username', 'email', 'language', 'lt_gdpr', 'platform_role', 'first_name']) {
      expect((await ctx.http().put('/update_user_by_username/upd1b').set(auth(token)).send({ [field]: null }).expect(400)).body.status).toBe('error');
    }
    expect((await ctx.http().put('/update_user_by_username/upd1b').set(auth(token)).send({ city: null, year_of_birth: null }).expect(200)).body).toMatchObject({ city: null, year_of_birth: null });
    await ctx.http().delete('/api/extended/v1/users_by_username/upd2/').set(auth(token)).expect(200);
    const inactive = await ctx.http().put('/update_user_by_username/upd2').set(auth(token)).send({ city: 'Nope' }).expect(409);
    expect(inactive.body).toEqual({ status: 'user_inactive', detail: expect.any(String) });
    expect((await ctx.http().get('/api/extended/v1/users_by_username/upd2').set(auth(token)).expect(200)).body).toMatchObject({ city: null, is_active: false });
  });

  it('lists users by ids and usernames, paginated, with absolute links', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post({ username: `page${i}`, email: `page${i}@example.com` }).expect(201)).body.user_id);
    const res = await ctx.http().get(`/api/extended/v1/users/?user_id=${ids.join(',')},999999/`).set(auth(token)).expect(200);
    expect(res.body).toMatchObject({ count: 5, num_pages: 1, current_page: 1, next: null, previous: null, start: 0 });
    expect(res.body.results.map((u: { user_id: number }) => u.user_id)).toEqual(ids);
    const p2 = await ctx.http().get(`/api/extended/v1/users_by_username/?username=page0,page1,page2,page3,page4&page_size=2&page=2`).set(auth(token)).expect(200);
    expect(p2.body).toMatchObject({ count: 5, num_pages: 3, current_page: 2, start: 2 });
    expect(p2.body.results.map((u: { username: string }) => u.username)).toEqual(['page2', 'page3']);
    expect(p2.body.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/extended\/v1\/users_by_username\/\?username=.*page=3/);
    const bad = await ctx.http().get('/api/extended/v1/users/?user_id=1,abc').set(auth(token)).expect(400);
    expect(bad.body.status).toBe('error');
    await ctx.http().get('/api/extended/v1/users/?page=0').set(auth(token)).expect(404);
    await ctx.http().get('/api/extended/v1/users/?page_size=0').set(auth(token)).expect(400);
    await ctx.http().get('/api/extended/v1/users/?bogus=1').set(auth(token)).expect(400);
    await ctx.http().get('/api/extended/v1/users/?page_size=5000').set(auth(token)).expect(400);
    await ctx.http().get('/api/extended/v1/users/?page=999').set(auth(token)).expect(404);
  });

  it('walks every page of the full list by next and back by previous', async () => {
    const first = await ctx.http().get('/api/extended/v1/users/?page_size=3').set(auth(token)).expect(200);
    const total = first.body.count;
    expect(first.body.num_pages).toBe(Math.ceil(total / 3));
    const seen: number[] = [...first.body.results.map((u: { user_id: number }) => u.user_id)];
    let page = first.body;
    const pages = [page];
    while (page.next) {
      const url = new URL(page.next);
      page = (await ctx.http().get(url.pathname + url.search).set(auth(token)).expect(200)).body;
      pages.push(page);
      seen.push(...page.results.map((u: { user_id: number }) => u.user_id));
    }
    expect(seen).toHaveLength(total);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(seen).size).toBe(total);
    // page=N without hints reads the same page as the walk.
    for (const p of pages) {
      const direct = await ctx.http().get(`/api/extended/v1/users/?page_size=3&page=${p.current_page}`).set(auth(token)).expect(200);
      expect(direct.body.results).toEqual(p.results);
    }
    const last = await ctx.http().get('/api/extended/v1/users/?page_size=3&page=last').set(auth(token)).expect(200);
    expect(last.body.results).toEqual(pages[pages.length - 1].results);
    // previous links go back page by page
    let back = last.body;
    let n = pages.length - 1;
    while (back.previous) {
      const url = new URL(back.previous);
      back = (await ctx.http().get(url.pathname + url.search).set(auth(token)).expect(200)).body;
      n -= 1;
      expect(back.results).toEqual(pages[n].results);
    }
    expect(n).toBe(0);
  });

  it('deactivates in all four forms with per-user status words in request order', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await post({ username: `deact${i}`, email: `deact${i}@example.com` }).expect(201)).body.user_id);
    const one = await ctx.http().delete(`/api/extended/v1/users/${ids[0]}/`).set(auth(token)).expect(200);
    expect(one.body).toEqual({ username: 'deact0', status: 'user_deactivated', user_id: ids[0] });
    const again = await ctx.http().delete(`/api/extended/v1/users/${ids[0]}/`).set(auth(token)).expect(200);
    expect(again.body.status).toBe('user_already_inactive');
    const nf = await ctx.http().delete('/api/extended/v1/users/999999/').set(auth(token)).expect(404);
    expect(nf.body).toMatchObject({ status: 'user_not_found', detail: expect.any(String) });
    const list = await ctx.http().delete(`/api/extended/v1/users/?user_id=${ids[1]},999999,${ids[0]},${ids[1]}/`).set(auth(token)).expect(200);
    expect(list.body).toEqual([
      { username: 'deact1', status: 'user_deactivated', user_id: ids[1] },
      { username: null, status: 'user_not_found', user_id: 999999 },
      { username: 'deact0', status: 'user_already_inactive', user_id: ids[0] },
      { username: 'deact1', status: 'user_already_inactive', user_id: ids[1] },
    ]);
    const byName = await ctx.http().delete('/api/extended/v1/users_by_username/deact2').set(auth(token)).expect(200);
    expect(byName.body).toEqual({ username: 'deact2', status: 'user_deactivated', user_id: ids[2] });
    const names = await ctx.http().delete('/api/extended/v1/users_by_username/?username=ghost,deact3,deact2').set(auth(token)).expect(200);
    expect(names.body).toEqual([
      { username: 'ghost', status: 'user_not_found', user_id: null },
      { username: 'deact3', status: 'user_deactivated', user_id: ids[3] },
      { username: 'deact2', status: 'user_already_inactive', user_id: ids[2] },
    ]);
    expect((await ctx.http().get(`/api/extended/v1/users/${ids[3]}`).set(auth(token)).expect(200)).body.is_active).toBe(false);
    await ctx.http().delete('/api/extended/v1/users/').set(auth(token)).expect(400);
  });

  it("stops a deactivated user's tokens", async () => {
    await post({ username: 'loginme', email: 'loginme@example.com', platform_role: 'Platform Admin' }).expect(201);
    const t = await userToken(ctx, 'loginme');
    await ctx.http().get('/api/extended/v1/users/').set(auth(t)).expect(200);
    await ctx.http().delete('/api/extended/v1/users_by_username/loginme').set(auth(token)).expect(200);
    await ctx.http().get('/api/extended/v1/users/').set(auth(t)).expect(401);
  });

  it('lets Platform Admins manage users and refuses learners and Studio Admins', async () => {
    await post({ username: 'learner1', email: 'learner1@example.com' }).expect(201);
    await post({ username: 'studio1', email: 'studio1@example.com', platform_role: 'Studio Admin' }).expect(201);
    await post({ username: 'padmin', email: 'padmin@example.com', platform_role: 'Super Platform Admin' }).expect(201);
    for (const name of ['learner1', 'studio1']) {
      const t = await userToken(ctx, name);
      const res = await ctx.http().get('/api/extended/v1/users/').set(auth(t)).expect(403);
      expect(res.body).toEqual({ status: 'error', detail: expect.any(String) });
      await ctx.http().post('/api/extended/v1/users/').set(auth(t)).send({ username: 'zz', email: 'zz@example.com' }).expect(403);
    }
    const admin = await userToken(ctx, 'padmin');
    await ctx.http().post('/api/extended/v1/users/').set(auth(admin)).send({ username: 'by-admin', email: 'by-admin@example.com' }).expect(201);
  });

  it('keeps accounts apart: another account sees 404 and an empty list', async () => {
    const { token: other } = await ctx.newAccount('acme-users');
    const list = await ctx.http().get('/api/extended/v1/users/').set(auth(other)).expect(200);
    expect(list.body).toMatchObject({ count: 0, num_pages: 1, results: [], next: null, previous: null });
    const mine = (await ctx.http().get('/api/extended/v1/users_by_username/user8').set(auth(token)).expect(200)).body;
    await ctx.http().get(`/api/extended/v1/users/${mine.user_id}/`).set(auth(other)).expect(404);
    await ctx.http().get('/api/extended/v1/users_by_username/user8').set(auth(other)).expect(404);
    await ctx.http().put(`/update_user/${mine.user_id}`).set(auth(other)).send({ city: 'x' }).expect(404);
    const del = await ctx.http().delete(`/api/extended/v1/users/?user_id=${mine.user_id}`).set(auth(other)).expect(200);
    expect(del.body[0].status).toBe('user_not_found');
    // the same username is free in the other account
    await ctx.http().post('/api/extended/v1/users/').set(auth(other)).send({ username: 'user8', email: 'user8@example.com' }).expect(201);
  });
});
