import { TestContext, createTestApp } from '../support/test-app';
import { Kolibri } from './kolibri-fixtures';

const HEX = /^[0-9a-f]{32}$/;
const dashed = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
const ids = (body: { id: string }[]) => body.map((x) => x.id).sort();

/** The Kolibri dialect checked against Kolibri's own api.py behaviour, operation by operation. */
describe('Kolibri: parity with api.py', () => {
  let ctx: TestContext;
  let k: Kolibri;
  beforeAll(async () => {
    ctx = await createTestApp();
    k = new Kolibri(ctx, () => ctx.clientToken());
  });
  afterAll(() => ctx.close());

  describe('classroom coaches', () => {
    it('lists as roles only the coach\'s facility-level roles on the classroom\'s facility, and the classroom parent as facility', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = await k.classroom(f.id);
      const coach = await k.user(f.id, 'auditcoach');
      const classRole = await k.role(coach.id, c.id, 'coach');
      const got = (await api.get(`/api/auth/classroom/${c.id}/`).expect(200)).body;
      expect(got.coaches).toHaveLength(1);
      expect(got.coaches[0]).toEqual({
        id: coach.id,
        facility: f.id,
        is_superuser: false,
        full_name: 'Full auditcoach',
        username: 'auditcoach',
        roles: [{ collection: f.id, kind: 'assignable_coach', id: expect.stringMatching(HEX) }],
      });
      expect(got.coaches[0].roles.map((r: { id: string }) => r.id)).not.toContain(classRole.id);
    });
  });

  describe('classroom role filter', () => {
    it('follows Kolibri: superuser and API client see all, facility admins all, facility coaches their facility, class coaches their classes', async () => {
      const f = await k.facility();
      const c1 = await k.classroom(f.id);
      const c2 = await k.classroom(f.id);
      const admin = await k.user(f.id);
      const fcoach = await k.user(f.id);
      const ccoach = await k.user(f.id);
      await k.role(admin.id, f.id, 'admin');
      await k.role(fcoach.id, f.id, 'coach');
      await k.role(ccoach.id, c1.id, 'coach');
      const client = await k.api();
      expect(ids((await client.get(`/api/auth/classroom/?parent=${f.id}&role=coach`).expect(200)).body)).toEqual([c1.id, c2.id].sort());
      const su = await k.as(ctx.superToken());
      expect(ids((await su.get(`/api/auth/classroom?parent=${f.id}&role=coach`).expect(200)).body)).toEqual([c1.id, c2.id].sort());
      const asAdmin = await k.as(k.login(admin));
      expect(ids((await asAdmin.get('/api/auth/classroom?role=coach').expect(200)).body)).toEqual([c1.id, c2.id].sort());
      const asFcoach = await k.as(k.login(fcoach));
      expect(ids((await asFcoach.get('/api/auth/classroom?role=coach').expect(200)).body)).toEqual([c1.id, c2.id].sort());
      const asCcoach = await k.as(k.login(ccoach));
      expect(ids((await asCcoach.get('/api/auth/classroom?role=coach').expect(200)).body)).toEqual([c1.id]);
      // Other role kinds are accepted as Kolibri does; an unknown one is an INVALID_CHOICE.
      expect(ids((await asCcoach.get('/api/auth/classroom?role=admin').expect(200)).body)).toEqual([c1.id]);
      const bad = await asCcoach.get('/api/auth/classroom?role=boss').expect(400);
      expect(bad.body[0].id).toBe('INVALID_CHOICE');
    });

    it('an unknown parent facility is a 400 as Kolibri\'s filter answers, a malformed one too', async () => {
      const api = await k.api();
      const res = await api.get(`/api/auth/classroom?parent=${'a'.repeat(32)}`).expect(400);
      expect(res.body[0]).toMatchObject({ id: 'INVALID', metadata: { field: 'parent' } });
      await api.get('/api/auth/classroom?parent=nope').expect(400);
      const g = await api.get(`/api/auth/learnergroup?parent=${'a'.repeat(32)}`).expect(400);
      expect(g.body[0]).toMatchObject({ id: 'INVALID', metadata: { field: 'parent' } });
    });
  });

  describe('facility dataset', () => {
    it('lists every readable dataset without facility_id, and one with it (dashed or not)', async () => {
      const api = await k.api();
      const f1 = await k.facility();
      const f2 = await k.facility();
      const all = (await api.get('/api/auth/facilitydataset/').expect(200)).body;
      expect(ids(all)).toEqual(expect.arrayContaining([f1.dataset.id, f2.dataset.id]));
      const one = (await api.get(`/api/auth/facilitydataset?facility_id=${dashed(f1.id)}`).expect(200)).body;
      expect(ids(one)).toEqual([f1.dataset.id]);
      await api.get('/api/auth/facilitydataset?facility_id=zz').expect(400);
    });

    it('uses the preset values of issue 3 (informal: like nonformal)', async () => {
      const api = await k.api();
      const informal = (await api.post('/api/auth/facility/create_facility', { name: 'Inf', preset: 'informal' }).expect(200)).body;
      expect(informal.dataset).toMatchObject({
        preset: 'informal',
        learner_can_edit_username: true,
        learner_can_edit_name: true,
        learner_can_edit_password: true,
        learner_can_sign_up: true,
        learner_can_delete_account: true,
        learner_can_login_with_no_password: false,
        show_download_button_in_learn: true,
      });
      await api.patch(`/api/auth/facilitydataset/${informal.dataset.id}`, { learner_can_sign_up: false, description: 'kept' }).expect(200);
      const reset = (await api.post(`/api/auth/facilitydataset/${informal.dataset.id}/resetsettings`).expect(200)).body;
      expect(reset).toMatchObject({ learner_can_sign_up: true, description: 'kept', preset: 'informal' });
    });
  });

  describe('memberships and roles', () => {
    it('retrieves one membership and one role by id (with or without dashes, trailing slash)', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = await k.classroom(f.id);
      const u = await k.user(f.id);
      const m = await k.member(u.id, c.id);
      const r = await k.role(u.id, c.id, 'coach');
      expect((await api.get(`/api/auth/membership/${m.id}/`).expect(200)).body).toEqual({ id: m.id, user: u.id, collection: c.id });
      expect((await api.get(`/api/auth/membership/${dashed(m.id)}`).expect(200)).body.id).toBe(m.id);
      expect((await api.get(`/api/auth/role/${r.id}/`).expect(200)).body).toEqual({ id: r.id, kind: 'coach', collection: c.id, user: u.id });
      expect((await api.get(`/api/auth/role/${dashed(r.id)}`).expect(200)).body.id).toBe(r.id);
      await api.get(`/api/auth/role/${'b'.repeat(32)}`).expect(404);
      await api.get('/api/auth/membership/nope').expect(404);
      // A learner of another facility does not see them.
      const f2 = await k.facility();
      const other = await k.user(f2.id);
      const asOther = await k.as(k.login(other));
      await asOther.get(`/api/auth/membership/${m.id}`).expect(404);
      await asOther.get(`/api/auth/role/${r.id}`).expect(404);
    });

    it('filters by user_ids and by_ids as Kolibri does, for lists and bulk deletes', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = await k.classroom(f.id);
      const [a, b, d] = [await k.user(f.id), await k.user(f.id), await k.user(f.id)];
      const ma = await k.member(a.id, c.id);
      const mb = await k.member(b.id, c.id);
      await k.member(d.id, c.id);
      const ra = await k.role(a.id, f.id, 'coach');
      const rb = await k.role(b.id, f.id, 'admin');
      expect(ids((await api.get(`/api/auth/membership?by_ids=${ma.id},${mb.id}`).expect(200)).body)).toEqual([ma.id, mb.id].sort());
      expect(ids((await api.get(`/api/auth/role?user_ids=${a.id},${b.id}`).expect(200)).body)).toEqual([ra.id, rb.id].sort());
      expect(ids((await api.get(`/api/auth/role?by_ids=${ra.id}`).expect(200)).body)).toEqual([ra.id]);
      await api.get('/api/auth/role?user_ids=zz').expect(400);
      await api.delete(`/api/auth/membership?user_ids=${a.id},${b.id}&collection=${c.id}`).expect(204);
      expect((await api.get(`/api/auth/membership?collection=${c.id}`).expect(200)).body.map((m: { user: string }) => m.user)).toEqual([d.id]);
      await api.delete(`/api/auth/role?by_ids=${rb.id}`).expect(204);
      expect(ids((await api.get(`/api/auth/role?collection=${f.id}`).expect(200)).body)).toEqual([ra.id]);
    });
  });

  describe('facility user pages', () => {
    it('pages as Django does: an empty list has one page, a page past the last is a 404 NOT_FOUND', async () => {
      const api = await k.api();
      const f = await k.facility();
      const empty = (await api.get(`/api/auth/facilityuser/?facility=${f.id}&page_size=5`).expect(200)).body;
      expect(empty).toEqual({ page: 1, count: 0, total_pages: 1, results: [] });
      await k.user(f.id);
      const past = await api.get(`/api/auth/facilityuser?facility=${f.id}&page_size=5&page=2`).expect(404);
      expect(past.body[0].id).toBe('NOT_FOUND');
    });
  });

  describe('bad input', () => {
    it('answers null for a non-null field with a 400 in Kolibri form, never a 500', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = await k.classroom(f.id);
      const g = await k.group(c.id);
      const u = await k.user(f.id);
      const cases: [string, Record<string, unknown>][] = [
        [`/api/auth/facilitydataset/${f.dataset.id}`, { learner_can_sign_up: null }],
        [`/api/auth/facilitydataset/${f.dataset.id}`, { description: null }],
        [`/api/auth/facilitydataset/${f.dataset.id}`, { preset: null }],
        [`/api/auth/classroom/${c.id}`, { name: null }],
        [`/api/auth/learnergroup/${g.id}`, { name: null }],
        [`/api/auth/facilityuser/${u.id}`, { username: null }],
        [`/api/auth/facilityuser/${u.id}`, { full_name: null }],
        [`/api/auth/facilityuser/${u.id}`, { password: null }],
      ];
      for (const [url, body] of cases) {
        const res = await api.patch(url, body);
        expect([url, body, res.status]).toEqual([url, body, 400]);
        expect(res.body[0]).toMatchObject({ id: expect.stringMatching(/^(INVALID|INVALID_CHOICE|REQUIRED)$/), metadata: { field: Object.keys(body)[0] } });
      }
      await api.post('/api/auth/facilityuser', { username: 'nulls', password: 'password-1', facility: f.id, full_name: null }).expect(400);
    });

    it('trims names as DRF does: a blank name is a 400, surrounding spaces are dropped', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = (await api.post('/api/auth/classroom', { name: '  Grade 9 ', parent: f.id }).expect(201)).body;
      expect(c.name).toBe('Grade 9');
      const dup = await api.post('/api/auth/classroom', { name: 'Grade 9  ', parent: f.id }).expect(400);
      expect(dup.body[0].id).toBe('UNIQUE');
      await api.post('/api/auth/classroom', { name: '   ', parent: f.id }).expect(400);
      await api.post('/api/auth/learnergroup', { name: ' ', parent: c.id }).expect(400);
      await api.patch(`/api/auth/classroom/${c.id}`, { name: '  ' }).expect(400);
      await api.post('/api/auth/facility', { name: '  ' }).expect(400);
    });
  });

  describe('bad input sweep', () => {
    it('answers every bad value of every body field with a 4xx in Kolibri form, never a 500', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = await k.classroom(f.id);
      const g = await k.group(c.id);
      const u = await k.user(f.id);
      const routes: ['post' | 'patch', string, Record<string, unknown>][] = [
        ['post', '/api/auth/facility', { name: 'Sweep' }],
        ['post', '/api/auth/facility/create_facility', { name: 'Sweep2', preset: 'formal' }],
        ['patch', `/api/auth/facility/${f.id}`, { name: 'Renamed' }],
        ['patch', `/api/auth/facilitydataset/${f.dataset.id}`, { learner_can_sign_up: true, description: 'd', location: 'l', extra_fields: {}, preset: 'nonformal', registered: false }],
        ['post', '/api/auth/classroom', { name: 'Sweep', parent: f.id }],
        ['patch', `/api/auth/classroom/${c.id}`, { name: 'Sweep C' }],
        ['post', '/api/auth/learnergroup', { name: 'Sweep', parent: c.id }],
        ['patch', `/api/auth/learnergroup/${g.id}`, { name: 'Sweep G' }],
        ['post', '/api/auth/facilityuser', { username: 'sweep', password: 'password-1', full_name: 'S', facility: f.id }],
        ['patch', `/api/auth/facilityuser/${u.id}`, { username: 'sweep2', password: 'password-2', full_name: 'S2' }],
        ['post', '/api/auth/membership', { user: u.id, collection: c.id }],
        ['post', '/api/auth/role', { user: u.id, collection: f.id, kind: 'coach' }],
      ];
      const BAD: unknown[] = [null, 5, true, { a: 1 }, ['a'], '', 'x'.repeat(3000), 'not-an-id'];
      const seen: string[] = [];
      for (const [method, url, good] of routes) {
        for (const field of Object.keys(good)) {
          for (const bad of BAD) {
            if (typeof good[field] === 'string' && typeof bad === 'string' && !['', 'x'.repeat(3000), 'not-an-id'].includes(bad)) continue;
            // Free text accepts any text; extra_fields any object.
            if ((['description', 'location', 'full_name', 'password', 'username', 'name'].includes(field) && typeof bad === 'string' && bad !== '' && bad.length < 100) || (field === 'extra_fields' && bad && typeof bad === 'object' && !Array.isArray(bad))) continue;
            if (['full_name', 'description', 'location'].includes(field) && bad === '') continue;
            if (typeof good[field] === 'boolean' && typeof bad === 'boolean') continue;
            const res = await api[method](url, { ...good, [field]: bad });
            if (res.status < 400 || res.status >= 500) seen.push(`${method} ${url} ${field}=${JSON.stringify(bad).slice(0, 20)} → ${res.status} ${JSON.stringify(res.body).slice(0, 100)}`);
            else expect(res.body[0]).toEqual({ id: expect.any(String), metadata: { field: expect.any(String), message: expect.any(String) } });
          }
        }
      }
      expect(seen).toEqual([]);
    });
  });
});
