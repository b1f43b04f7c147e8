import { TestContext, createTestApp } from '../support/test-app';
import { Kolibri } from './kolibri-fixtures';

describe('Kolibri facility users, classrooms and learner groups', () => {
  let ctx: TestContext;
  let k: Kolibri;
  let facility: { id: string };
  beforeAll(async () => {
    ctx = await createTestApp();
    k = new Kolibri(ctx, () => ctx.clientToken());
    facility = await k.facility('Main');
  });
  afterAll(() => ctx.close());

  describe('facilityuser', () => {
    it('creates (201), gets, patches and deletes a user', async () => {
      const api = await k.api();
      const created = (await api.post('/api/auth/facilityuser', { username: 'alice', password: 'pw-alice-1', full_name: 'Alice A', facility: facility.id }).expect(201)).body;
      expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), username: 'alice', full_name: 'Alice A', facility: facility.id, is_superuser: false, roles: [] });
      expect((await api.get(`/api/auth/facilityuser/${created.id}`).expect(200)).body).toEqual(created);
      const patched = (await api.patch(`/api/auth/facilityuser/${created.id}`, { full_name: 'Alice B', username: 'alice2', password: 'new-pass-2' }).expect(200)).body;
      expect(patched).toMatchObject({ full_name: 'Alice B', username: 'alice2' });
      await k.login({ username: 'alice2', password: 'new-pass-2' });
      await api.delete(`/api/auth/facilityuser/${created.id}`).expect(204);
      await api.get(`/api/auth/facilityuser/${created.id}`).expect(404);
      await api.delete(`/api/auth/facilityuser/${created.id}`).expect(404);
    });

    it('validates input: password and username required, facility must exist', async () => {
      const api = await k.api();
      const r = await api.post('/api/auth/facilityuser', { username: 'nopw', facility: facility.id }).expect(400);
      expect(r.body[0]).toMatchObject({ id: 'REQUIRED', metadata: { field: 'password' } });
      await api.post('/api/auth/facilityuser', { username: 'x', password: 'pass-word-9' }).expect(400);
      await api.post('/api/auth/facilityuser', { username: 'x', password: 'pass-word-9', facility: '0'.repeat(32) }).expect(400);
      await api.post('/api/auth/facilityuser', { username: 'x', password: 'pass-word-9', facility: 'zz' }).expect(400);
      await api.post('/api/auth/facilityuser', { username: 'has space', password: 'pass-word-9', facility: facility.id }).expect(400);
    });

    it('keeps usernames unique per facility case-insensitively (400 UNIQUE)', async () => {
      const api = await k.api();
      await k.user(facility.id, 'Bob');
      const dup = await api.post('/api/auth/facilityuser', { username: 'bob', password: 'pass-word-9', facility: facility.id }).expect(400);
      expect(dup.body[0]).toMatchObject({ id: 'UNIQUE', metadata: { field: 'username' } });
      const same = await api.post('/api/auth/facilityuser', { username: 'Bob', password: 'pass-word-9', facility: facility.id }).expect(400);
      expect(same.body[0].id).toBe('UNIQUE');
    });

    it('concurrent creates of one username: exactly one succeeds', async () => {
      const api = await k.api();
      const results = await Promise.all(
        ['Race', 'race', 'RACE', 'Race'].map((username) => api.post('/api/auth/facilityuser', { username, password: 'pw-race-123', facility: facility.id })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400, 400]);
      for (const r of results.filter((x) => x.status === 400)) expect(r.body[0].id).toBe('UNIQUE');
    });

    it('lists users, paginated with page/page_size', async () => {
      const api = await k.api();
      const f = await k.facility();
      for (const n of ['p1', 'p2', 'p3', 'p4', 'p5']) await k.user(f.id, `pg_${n}`);
      const all = (await api.get(`/api/auth/facilityuser?facility=${f.id}`).expect(200)).body;
      expect(all.map((u: { username: string }) => u.username)).toEqual(['pg_p1', 'pg_p2', 'pg_p3', 'pg_p4', 'pg_p5']);
      const page = (await api.get(`/api/auth/facilityuser?facility=${f.id}&page=2&page_size=2`).expect(200)).body;
      expect(page).toMatchObject({ page: 2, count: 5, total_pages: 3 });
      expect(page.results.map((u: { username: string }) => u.username)).toEqual(['pg_p3', 'pg_p4']);
      const first = (await api.get(`/api/auth/facilityuser?facility=${f.id}&page_size=10`).expect(200)).body;
      expect(first).toMatchObject({ page: 1, count: 5, total_pages: 1 });
      await api.get('/api/auth/facilityuser?page_size=abc').expect(400);
      await api.get('/api/auth/facilityuser?page_size=0').expect(400);
    });

    it('a core user joins a facility through a membership; a user belongs to at most one facility', async () => {
      const api = await k.api();
      const c = await k.classroom(facility.id);
      const [core] = await ctx.db.query(`INSERT INTO "user" (account_id, identifier, username, username_key) SELECT account_id, 'core1', 'core1', 'core1' FROM api_client LIMIT 1 RETURNING id`);
      const hex = core.id.replace(/-/g, '');
      await api.get(`/api/auth/facilityuser/${hex}`).expect(404);
      await api.post('/api/auth/membership', { user: hex, collection: c.id }).expect(201);
      expect((await api.get(`/api/auth/facilityuser/${hex}`).expect(200)).body.facility).toBe(facility.id);
      const other = await k.facility();
      const oc = await k.classroom(other.id);
      const r = await api.post('/api/auth/membership', { user: hex, collection: oc.id }).expect(400);
      expect(r.body[0].metadata.field).toBe('user');
      await api.post('/api/auth/role', { user: hex, collection: other.id, kind: 'coach' }).expect(400);
    });
  });

  describe('classroom', () => {
    it('creates (201), lists with parent filter, gets, patches, deletes', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = (await api.post('/api/auth/classroom', { name: 'Grade 1', parent: f.id }).expect(201)).body;
      expect(c).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Grade 1', parent: f.id, learner_count: 0, coaches: [] });
      await k.classroom(f.id, 'Grade 2');
      await k.classroom(facility.id, 'Elsewhere');
      const list = (await api.get(`/api/auth/classroom?parent=${f.id}`).expect(200)).body;
      expect(list.map((x: { name: string }) => x.name)).toEqual(['Grade 1', 'Grade 2']);
      expect((await api.patch(`/api/auth/classroom/${c.id}/`, { name: 'Grade 1b' }).expect(200)).body.name).toBe('Grade 1b');
      await api.delete(`/api/auth/classroom/${c.id}`).expect(204);
      await api.get(`/api/auth/classroom/${c.id}`).expect(404);
      await api.get('/api/auth/classroom?parent=bad').expect(400);
      await api.get('/api/auth/classroom?role=boss').expect(400);
    });

    it('parent must be a facility; (parent, name) is unique → 400 UNIQUE', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = await k.classroom(f.id, 'Same');
      const dup = await api.post('/api/auth/classroom', { name: 'Same', parent: f.id }).expect(400);
      expect(dup.body[0]).toMatchObject({ id: 'UNIQUE', metadata: { field: 'name' } });
      await api.post('/api/auth/classroom', { name: 'Nested', parent: c.id }).expect(400);
      const req = await api.post('/api/auth/classroom', { name: 'X' }).expect(400);
      expect(req.body[0]).toMatchObject({ id: 'REQUIRED', metadata: { field: 'parent' } });
      const other = await k.classroom(f.id, 'Other');
      await api.patch(`/api/auth/classroom/${other.id}`, { name: 'Same' }).expect(400);
      await api.patch(`/api/auth/classroom/${other.id}`, { parent: f.id }).expect(400);
    });

    it('answers learner_count and coaches with their roles', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = await k.classroom(f.id);
      const coach = await k.user(f.id, 'coachy');
      const l1 = await k.user(f.id);
      const l2 = await k.user(f.id);
      await k.member(l1.id, c.id);
      await k.member(l2.id, c.id);
      const role = await k.role(coach.id, c.id, 'coach');
      const got = (await api.get(`/api/auth/classroom/${c.id}`).expect(200)).body;
      expect(got.learner_count).toBe(2);
      expect(got.coaches).toEqual([
        {
          id: coach.id,
          facility: f.id,
          is_superuser: false,
          full_name: 'Full coachy',
          username: 'coachy',
          // As Kolibri: only the coach's roles on the classroom's facility.
          roles: [{ collection: f.id, kind: 'assignable_coach', id: expect.stringMatching(/^[0-9a-f]{32}$/) }],
        },
      ]);
      expect(got.coaches[0].roles[0].id).not.toBe(role.id);
    });

    it('deleting a classroom removes its groups, memberships and roles', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = await k.classroom(f.id);
      const g = await k.group(c.id);
      const u = await k.user(f.id);
      const m1 = await k.member(u.id, c.id);
      const m2 = await k.member(u.id, g.id);
      const r = await k.role(u.id, c.id, 'coach');
      await api.delete(`/api/auth/classroom/${c.id}`).expect(204);
      await api.get(`/api/auth/learnergroup/${g.id}`).expect(404);
      await api.delete(`/api/auth/membership/${m1.id}`).expect(404);
      await api.delete(`/api/auth/membership/${m2.id}`).expect(404);
      await api.delete(`/api/auth/role/${r.id}`).expect(404);
      await api.get(`/api/auth/facilityuser/${u.id}`).expect(200);
    });
  });

  describe('learnergroup', () => {
    it('creates (201), lists by parent, gets with user_ids, patches, deletes', async () => {
      const api = await k.api();
      const f = await k.facility();
      const c = await k.classroom(f.id);
      const g = (await api.post('/api/auth/learnergroup', { name: 'Red', parent: c.id }).expect(201)).body;
      expect(g).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Red', parent: c.id, user_ids: [] });
      const u = await k.user(f.id);
      await k.member(u.id, c.id);
      await k.member(u.id, g.id);
      expect((await api.get(`/api/auth/learnergroup/${g.id}`).expect(200)).body.user_ids).toEqual([u.id]);
      await k.group(c.id, 'Blue');
      const list = (await api.get(`/api/auth/learnergroup?parent=${c.id}`).expect(200)).body;
      expect(list.map((x: { name: string }) => x.name)).toEqual(['Blue', 'Red']);
      expect((await api.patch(`/api/auth/learnergroup/${g.id}`, { name: 'Green' }).expect(200)).body.name).toBe('Green');
      const dup = await api.patch(`/api/auth/learnergroup/${g.id}`, { name: 'Blue' }).expect(400);
      expect(dup.body[0].id).toBe('UNIQUE');
      await api.post('/api/auth/learnergroup', { name: 'Blue', parent: c.id }).expect(400);
      await api.post('/api/auth/learnergroup', { name: 'Bad', parent: f.id }).expect(400);
      await api.delete(`/api/auth/learnergroup/${g.id}`).expect(204);
      await api.get(`/api/auth/learnergroup/${g.id}`).expect(404);
    });
  });
});
