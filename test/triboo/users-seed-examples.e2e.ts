import { TestContext, createTestApp } from '../support/test-app';
import { auth } from './helpers';

/** The seed's request and response examples, driven as documented. */
describe('Triboo: seed examples', () => {
  let ctx: TestContext;
  let token: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
  });
  afterAll(() => ctx.close());

  const CREATE_EXAMPLE = { username: 'user8', email: 'user8@example.com', first_name: 'first8', last_name: 'last8', name: 'Eight' };
  const CREATE_RESPONSE = {
    username: 'user8', last_name: 'last8', lt_exempt_status: true, lt_comments: null, lt_address: null, city: null, first_name: 'first8', lt_ilt_supervisor: null,
    lt_sub_area: null, lt_custom_country: null, location: '', email: 'user8@example.com', status: 'user_created', bio: null, lt_address_2: null, lt_is_tos_agreed: false,
    lt_phone_number: null, language: '', year_of_birth: null, lt_area: null, goals: null, lt_employee_id: null, lt_learning_group: null, lt_level: null, lt_hire_date: null,
    lt_job_code: null, name: 'Eight', lt_company: null, lt_supervisor: null, gender: null, lt_gdpr: false, level_of_education: null, country: '', lt_department: null,
    lt_job_description: null,
  };

  it('answers the create example with the seed response, form-urlencoded and JSON', async () => {
    const form = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).type('form').send(CREATE_EXAMPLE).expect(201);
    expect(form.body).toMatchObject(CREATE_RESPONSE);
    const json = await ctx.http().post('/api/extended/v1/users').set(auth(token)).send({ ...CREATE_EXAMPLE, username: 'user8j', email: 'user8j@example.com' }).expect(201);
    expect(json.body).toMatchObject({ ...CREATE_RESPONSE, username: 'user8j', email: 'user8j@example.com' });
  });

  it('keeps the profile name independent of first and last name, as the GET example shows', async () => {
    const created = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).type('form').send({ username: 'user7', email: 'user7@example.com', first_name: 'first7', last_name: 'last7' }).expect(201);
    expect(created.body.name).toBe('');
    const got = await ctx.http().get(`/api/extended/v1/users/${created.body.user_id}/`).set(auth(token)).expect(200);
    expect(got.body).toMatchObject({
      email: 'user7@example.com', username: 'user7', first_name: 'first7', last_name: 'last7', language: '', location: '', year_of_birth: null, bio: null, goals: null,
      level_of_education: null, name: '', gender: null, city: null, country: '', lt_custom_country: null, lt_area: null, lt_sub_area: null, lt_address: null,
      lt_address_2: null, lt_phone_number: null, lt_gdpr: false, lt_company: null, lt_employee_id: null, lt_hire_date: null, lt_level: null, lt_job_code: null,
      lt_job_description: null, lt_department: null, lt_supervisor: null, lt_learning_group: null, lt_exempt_status: true, lt_is_tos_agreed: false, lt_comments: null,
      lt_ilt_supervisor: null, analytics_access: null, user_id: created.body.user_id, is_active: true,
    });
    const upd = await ctx.http().put(`/update_user/${created.body.user_id}`).set(auth(token)).type('form').send({ first_name: 'First7' }).expect(200);
    expect(upd.body).toMatchObject({ status: 'user_updated', first_name: 'First7', name: '' });
  });

  it('accepts every platform_role and analytics_access value exactly as the seed writes them', async () => {
    const cases: [Record<string, string>, Record<string, unknown>][] = [
      [{}, { platform_role: 'Learner', analytics_access: null }],
      [{ platform_role: 'Learner', analytics_access: 'None' }, { platform_role: 'Learner', analytics_access: null }],
      [{ platform_role: 'Studio Admin', analytics_access: 'Restricted' }, { platform_role: 'Studio Admin', analytics_access: 'Restricted' }],
      [{ platform_role: 'Platform Admin', analytics_access: 'Full Access' }, { platform_role: 'Platform Admin', analytics_access: 'Full Access' }],
      [{ platform_role: 'Super Platform Admin' }, { platform_role: 'Super Platform Admin' }],
      [{ platform_role: 'Platform Super Admin' }, { platform_role: 'Super Platform Admin' }],
      [{ analytics_access: 'Full Access' }, { platform_role: 'Learner', analytics_access: 'Full Access' }],
    ];
    let i = 0;
    for (const [body, expected] of cases) {
      i += 1;
      const res = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).type('form').send({ username: `role${i}`, email: `role${i}@example.com`, ...body }).expect(201);
      expect(res.body).toMatchObject(expected);
      const got = await ctx.http().get(`/api/extended/v1/users_by_username/role${i}/`).set(auth(token)).expect(200);
      expect(got.body).toMatchObject(expected);
    }
    for (const bad of [{ platform_role: 'learner' }, { platform_role: 'Admin' }, { analytics_access: 'Full' }, { analytics_access: 'restricted' }]) {
      const res = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).send({ username: 'badrole', email: 'badrole@example.com', ...bad }).expect(400);
      expect(res.body).toEqual({ status: 'error', detail: expect.any(String) });
    }
  });

  it('tolerates the seed\'s per-call slug, apikey and secret in bodies, and refuses credentials in URLs', async () => {
    const cred = { slug: 'acme', apikey: 'key', secret: 'shh' };
    const created = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).type('form').send({ username: 'creds', email: 'creds@example.com', ...cred }).expect(201);
    const id = created.body.user_id;
    expect(created.body).not.toHaveProperty('secret');
    await ctx.http().put(`/update_user/${id}`).set(auth(token)).send({ city: 'Paris', ...cred }).expect(200);
    await ctx.http().put('/update_user_by_username/creds').set(auth(token)).type('form').send({ city: 'Lyon', ...cred }).expect(200);
    await ctx.http().post('/api/bulk_enroll/v1/bulk_enroll').set(auth(token)).send({ action: 'enroll', courses: 'course-v1:x+y+z', identifiers: 'creds', ...cred }).expect(404);
    await ctx.http().post('/api/enrollment/v1/enrollment').set(auth(token)).send({ user: 'creds', course_details: { course_id: 'course-v1:x+y+z' }, ...cred }).expect(400);
    const res = await ctx.http().get('/api/extended/v1/users/?secret=shh').set(auth(token)).expect(400);
    expect(res.body).toEqual({ status: 'error', detail: expect.any(String) });
  });
});
