import { TestContext, createTestApp } from '../support/test-app';
import { Kolibri } from './kolibri-fixtures';

const HEX = /^[0-9a-f]{32}$/;

describe('Kolibri facilities and datasets', () => {
  let ctx: TestContext;
  let k: Kolibri;
  beforeAll(async () => {
    ctx = await createTestApp();
    k = new Kolibri(ctx, () => ctx.clientToken());
  });
  afterAll(() => ctx.close());

  it('answers 401 in Kolibri form without a token, 200 for an API client', async () => {
    const res = await ctx.http().get('/api/auth/facility/').expect(401);
    expect(res.body).toEqual([{ id: 'NOT_AUTHENTICATED', metadata: { field: '', message: expect.any(String) } }]);
    const api = await k.api();
    expect(Array.isArray((await api.get('/api/auth/facility/').expect(200)).body)).toBe(true);
  });

  it('creates a facility (201) with the nonformal dataset and lists it with counts', async () => {
    const api = await k.api();
    const created = (await api.post('/api/auth/facility', { name: 'Riverside' }).expect(201)).body;
    expect(created).toEqual({
      id: expect.stringMatching(HEX),
      name: 'Riverside',
      num_users: 0,
      num_classrooms: 0,
      last_successful_sync: null,
      last_failed_sync: null,
      dataset: {
        id: expect.stringMatching(HEX),
        learner_can_edit_username: true,
        learner_can_edit_name: true,
        learner_can_edit_password: true,
        learner_can_sign_up: true,
        learner_can_delete_account: true,
        learner_can_login_with_no_password: false,
        show_download_button_in_learn: true,
        extra_fields: {},
        description: '',
        location: '',
        registered: false,
        preset: 'nonformal',
      },
    });
    await k.classroom(created.id);
    await k.classroom(created.id);
    await k.user(created.id);
    const list = (await api.get('/api/auth/facility').expect(200)).body;
    const mine = list.find((f: { id: string }) => f.id === created.id);
    expect(mine).toMatchObject({ num_classrooms: 2, num_users: 1 });
    const one = (await api.get(`/api/auth/facility/${created.id}/`).expect(200)).body;
    expect(one).toMatchObject({ id: created.id, num_classrooms: 2, num_users: 1 });
  });

  it('accepts dashed ids, answers 404 for malformed or unknown ones', async () => {
    const api = await k.api();
    const f = await k.facility();
    const dashed = `${f.id.slice(0, 8)}-${f.id.slice(8, 12)}-${f.id.slice(12, 16)}-${f.id.slice(16, 20)}-${f.id.slice(20)}`;
    expect((await api.get(`/api/auth/facility/${dashed}`).expect(200)).body.id).toBe(f.id);
    const bad = await api.get('/api/auth/facility/not-an-id').expect(404);
    expect(bad.body[0].id).toBe('NOT_FOUND');
    await api.get(`/api/auth/facility/${'0'.repeat(32)}`).expect(404);
  });

  it('create_facility applies presets and answers 200; a bad preset is INVALID_CHOICE', async () => {
    const api = await k.api();
    const formal = (await api.post('/api/auth/facility/create_facility', { name: 'Formal', preset: 'formal' }).expect(200)).body;
    expect(formal.dataset).toMatchObject({
      preset: 'formal',
      learner_can_edit_username: false,
      learner_can_edit_name: false,
      learner_can_edit_password: false,
      learner_can_sign_up: false,
      learner_can_delete_account: false,
      learner_can_login_with_no_password: true,
      show_download_button_in_learn: false,
    });
    const informal = (await api.post('/api/auth/facility/create_facility/', { name: 'Informal', preset: 'informal' }).expect(200)).body;
    expect(informal.dataset).toMatchObject({ preset: 'informal', learner_can_sign_up: true, learner_can_login_with_no_password: false, show_download_button_in_learn: true });
    const bad = await api.post('/api/auth/facility/create_facility', { name: 'X', preset: 'strict' }).expect(400);
    expect(bad.body[0]).toMatchObject({ id: 'INVALID_CHOICE', metadata: { field: 'preset' } });
    const missing = await api.post('/api/auth/facility', {}).expect(400);
    expect(missing.body[0]).toMatchObject({ id: 'REQUIRED', metadata: { field: 'name' } });
    await api.post('/api/auth/facility', { name: 'X', extra: 1 }).expect(400);
  });

  it('renames and deletes a facility with everything in it', async () => {
    const api = await k.api();
    const f = await k.facility();
    expect((await api.patch(`/api/auth/facility/${f.id}`, { name: 'Renamed' }).expect(200)).body.name).toBe('Renamed');
    const c = await k.classroom(f.id);
    const g = await k.group(c.id);
    const u = await k.user(f.id);
    await k.member(u.id, c.id);
    await k.member(u.id, g.id);
    await k.role(u.id, f.id, 'admin');
    await api.delete(`/api/auth/facility/${f.id}`).expect(204);
    await api.get(`/api/auth/facility/${f.id}`).expect(404);
    await api.get(`/api/auth/classroom/${c.id}`).expect(404);
    const [{ n }] = await ctx.db.query(
      `SELECT (SELECT count(*) FROM kolibri_membership WHERE user_id = $1) + (SELECT count(*) FROM kolibri_role WHERE user_id = $1) + (SELECT count(*) FROM kolibri_facility_dataset WHERE id = $2) AS n`,
      [u.id, f.dataset.id],
    );
    expect(Number(n)).toBe(0);
  });

  describe('dataset', () => {
    it('GET ?facility_id= answers a list of the dataset', async () => {
      const api = await k.api();
      const f = await k.facility();
      const res = (await api.get(`/api/auth/facilitydataset?facility_id=${f.id}`).expect(200)).body;
      expect(res).toHaveLength(1);
      expect(res[0].id).toBe(f.dataset.id);
      await api.get('/api/auth/facilitydataset?facility_id=nope').expect(400);
    });

    it('PATCH updates; no-password and edit-password never both true; resetsettings restores the preset', async () => {
      const api = await k.api();
      const f = await k.facility('DS', 'formal');
      const url = `/api/auth/facilitydataset/${f.dataset.id}`;
      const patched = (await api.patch(url, { learner_can_sign_up: true, description: 'Hello', location: 'There' }).expect(200)).body;
      expect(patched).toMatchObject({ learner_can_sign_up: true, description: 'Hello', location: 'There', preset: 'formal' });
      // formal has no-password login on: turning edit-password on alone is refused.
      const refused = await api.patch(url, { learner_can_edit_password: true }).expect(400);
      expect(refused.body[0]).toMatchObject({ id: 'INVALID', metadata: { field: 'learner_can_edit_password' } });
      await api.patch(url, { learner_can_edit_password: true, learner_can_login_with_no_password: true }).expect(400);
      expect((await api.patch(url, { learner_can_edit_password: true, learner_can_login_with_no_password: false }).expect(200)).body).toMatchObject({
        learner_can_edit_password: true,
        learner_can_login_with_no_password: false,
      });
      await api.patch(url, { learner_can_login_with_no_password: true }).expect(400);
      await api.patch(url, { learner_can_sign_up: 'yes' }).expect(400);
      await api.patch(url, { preset: 'bogus' }).expect(400);
      const reset = (await api.post(`${url}/resetsettings`).expect(200)).body;
      expect(reset).toMatchObject({
        learner_can_sign_up: false,
        learner_can_edit_password: false,
        learner_can_login_with_no_password: true,
        show_download_button_in_learn: false,
        description: 'Hello',
        location: 'There',
        preset: 'formal',
      });
      await api.patch(url, { preset: 'nonformal' }).expect(200);
      expect((await api.post(`${url}/resetsettings/`).expect(200)).body).toMatchObject({ learner_can_sign_up: true, learner_can_login_with_no_password: false, preset: 'nonformal' });
      await api.patch(`/api/auth/facilitydataset/${'1'.repeat(32)}`, { registered: true }).expect(404);
    });
  });
});
