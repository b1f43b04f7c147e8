import { TestContext, createTestApp } from '../support/test-app';
import { Kolibri } from './kolibri-fixtures';

describe('Kolibri memberships and roles', () => {
  let ctx: TestContext;
  let k: Kolibri;
  let f: { id: string };
  let c: { id: string };
  let g: { id: string };
  beforeAll(async () => {
    ctx = await createTestApp();
    k = new Kolibri(ctx, () => ctx.clientToken());
    f = await k.facility();
    c = await k.classroom(f.id);
    g = await k.group(c.id);
  });
  afterAll(() => ctx.close());

  describe('membership', () => {
    it('creates one (201), lists with filters, deletes', async () => {
      const api = await k.api();
      const u = await k.user(f.id);
      const m = (await api.post('/api/auth/membership', { user: u.id, collection: c.id }).expect(201)).body;
      expect(m).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), user: u.id, collection: c.id });
      expect((await api.get(`/api/auth/membership?user=${u.id}`).expect(200)).body).toEqual([m]);
      expect((await api.get(`/api/auth/membership?collection=${c.id}&user_ids=${u.id}`).expect(200)).body).toEqual([m]);
      const dup = await api.post('/api/auth/membership', { user: u.id, collection: c.id }).expect(400);
      expect(dup.body[0].id).toBe('UNIQUE');
      await api.delete(`/api/auth/membership/${m.id}`).expect(204);
      expect((await api.get(`/api/auth/membership?user=${u.id}`).expect(200)).body).toEqual([]);
    });

    it('refuses facility memberships, group memberships before the classroom, bad references', async () => {
      const api = await k.api();
      const u = await k.user(f.id);
      await api.post('/api/auth/membership', { user: u.id, collection: f.id }).expect(400);
      const early = await api.post('/api/auth/membership', { user: u.id, collection: g.id }).expect(400);
      expect(early.body[0].metadata.field).toBe('collection');
      await api.post('/api/auth/membership', { user: '0'.repeat(32), collection: c.id }).expect(400);
      await api.post('/api/auth/membership', { user: u.id, collection: '0'.repeat(32) }).expect(400);
      await api.post('/api/auth/membership', { user: u.id }).expect(400);
      await api.post('/api/auth/membership', { user: 'x', collection: c.id }).expect(400);
      await api.post('/api/auth/membership', []).expect(400);
    });

    it('bulk creates in one transaction (class then groups); a failing item writes nothing', async () => {
      const api = await k.api();
      const g2 = await k.group(c.id);
      const a = await k.user(f.id);
      const b = await k.user(f.id);
      const created = (
        await api
          .post('/api/auth/membership', [
            { user: a.id, collection: g.id },
            { user: a.id, collection: c.id },
            { user: a.id, collection: g2.id },
            { user: b.id, collection: c.id },
          ])
          .expect(201)
      ).body;
      expect(created.map((m: { collection: string }) => m.collection)).toEqual([g.id, c.id, g2.id, c.id]);
      const u = await k.user(f.id);
      await api.post('/api/auth/membership', [{ user: u.id, collection: c.id }, { user: u.id, collection: f.id }]).expect(400);
      expect((await api.get(`/api/auth/membership?user=${u.id}`).expect(200)).body).toEqual([]);
      await api.post('/api/auth/membership', [{ user: u.id, collection: c.id, extra: 1 }]).expect(400);
    });

    it('leaving a classroom leaves its groups; bulk delete by filter needs a filter', async () => {
      const api = await k.api();
      const u = await k.user(f.id);
      const mc = await k.member(u.id, c.id);
      await k.member(u.id, g.id);
      await api.delete(`/api/auth/membership/${mc.id}`).expect(204);
      expect((await api.get(`/api/auth/membership?user=${u.id}`).expect(200)).body).toEqual([]);
      await k.member(u.id, c.id);
      await k.member(u.id, g.id);
      await api.delete('/api/auth/membership').expect(400);
      await api.delete(`/api/auth/membership?user=${u.id}&collection=${c.id}`).expect(204);
      expect((await api.get(`/api/auth/membership?user=${u.id}`).expect(200)).body).toEqual([]);
      await api.delete(`/api/auth/membership/${'0'.repeat(32)}`).expect(404);
    });
  });

  describe('role', () => {
    it('creates (201), lists with filters, deletes', async () => {
      const api = await k.api();
      const u = await k.user(f.id);
      const r = (await api.post('/api/auth/role', { user: u.id, collection: f.id, kind: 'admin' }).expect(201)).body;
      expect(r).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), kind: 'admin', collection: f.id, user: u.id });
      expect((await api.get(`/api/auth/role?user=${u.id}`).expect(200)).body).toEqual([r]);
      expect((await api.get(`/api/auth/role?collection=${f.id}&kind=admin`).expect(200)).body.map((x: { id: string }) => x.id)).toContain(r.id);
      const dup = await api.post('/api/auth/role', { user: u.id, collection: f.id, kind: 'admin' }).expect(400);
      expect(dup.body[0].id).toBe('UNIQUE');
      await api.delete(`/api/auth/role/${r.id}`).expect(204);
      await api.delete(`/api/auth/role/${r.id}`).expect(404);
    });

    it('validates kinds and collections', async () => {
      const api = await k.api();
      const u = await k.user(f.id);
      const bad = await api.post('/api/auth/role', { user: u.id, collection: f.id, kind: 'king' }).expect(400);
      expect(bad.body[0]).toMatchObject({ id: 'INVALID_CHOICE', metadata: { field: 'kind' } });
      await api.post('/api/auth/role', { user: u.id, collection: c.id, kind: 'admin' }).expect(400);
      await api.post('/api/auth/role', { user: u.id, collection: c.id, kind: 'assignable_coach' }).expect(400);
      await api.post('/api/auth/role', { user: u.id, collection: g.id, kind: 'coach' }).expect(400);
      const alias = (await api.post('/api/auth/role', { user: u.id, collection: f.id, kind: 'classroom assignable coach' }).expect(201)).body;
      expect(alias.kind).toBe('assignable_coach');
    });

    it('a classroom coach gets the facility assignable coach role; removing it removes the class coach roles', async () => {
      const api = await k.api();
      const u = await k.user(f.id);
      const c2 = await k.classroom(f.id);
      const created = (
        await api
          .post('/api/auth/role', [
            { user: u.id, collection: c.id, kind: 'coach' },
            { user: u.id, collection: c2.id, kind: 'coach' },
          ])
          .expect(201)
      ).body;
      expect(created).toHaveLength(2);
      const roles = (await api.get(`/api/auth/role?user=${u.id}`).expect(200)).body;
      const facilityRole = roles.find((r: { collection: string }) => r.collection === f.id);
      expect(facilityRole.kind).toBe('assignable_coach');
      expect(roles).toHaveLength(3);
      await api.delete(`/api/auth/role/${facilityRole.id}`).expect(204);
      expect((await api.get(`/api/auth/role?user=${u.id}`).expect(200)).body).toEqual([]);

      // A user with a facility coach role keeps it alone.
      const v = await k.user(f.id);
      await k.role(v.id, f.id, 'coach');
      await k.role(v.id, c.id, 'coach');
      expect((await api.get(`/api/auth/role?user=${v.id}`).expect(200)).body).toHaveLength(2);
      await api.delete('/api/auth/role').expect(400);
      await api.delete(`/api/auth/role?user=${v.id}&collection=${f.id}`).expect(204);
      expect((await api.get(`/api/auth/role?user=${v.id}`).expect(200)).body).toEqual([]);
    });
  });

  describe('session', () => {
    it('answers facility_id and role kinds; facility narrows login', async () => {
      const u = await k.user(f.id);
      const learner = (await ctx.http().post('/api/auth/session').send({ username: u.username, password: u.password }).expect(200)).body;
      expect(learner).toMatchObject({ id: u.id, facility_id: f.id, kind: ['learner'] });
      await k.role(u.id, f.id, 'admin');
      const admin = (await ctx.http().post('/api/auth/session').send({ username: u.username, password: u.password, facility: f.id }).expect(200)).body;
      expect(admin.kind).toEqual(['admin']);
      await ctx.http().post('/api/auth/session').send({ username: u.username, password: u.password, facility: '0'.repeat(32) }).expect(401);
      const root = (await ctx.http().post('/api/auth/session').send({ username: 'root', password: 'root-password-1' }).expect(200)).body;
      expect(root).toMatchObject({ facility_id: null, kind: ['superuser'] });
    });
  });
});
