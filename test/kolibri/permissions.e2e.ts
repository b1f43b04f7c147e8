import { TestContext, createTestApp } from '../support/test-app';
import { Kolibri } from './kolibri-fixtures';

type Api = Awaited<ReturnType<Kolibri['as']>>;
type Who = 'super' | 'client' | 'admin' | 'fcoach' | 'ccoach' | 'learner' | 'outsider' | 'foreign';
const ids = (body: { id: string }[]) => body.map((x) => x.id).sort();

/** Kolibri's test_permissions.py, over HTTP: (who) × (list, read, create, update, delete) per resource. */
describe('Kolibri permission matrix', () => {
  let ctx: TestContext;
  let k: Kolibri;
  const as = {} as Record<Who, Api>;
  let F: { id: string; dataset: { id: string } };
  let F2: { id: string; dataset: { id: string } };
  let C: { id: string };
  let C2: { id: string };
  let C3: { id: string };
  let G: { id: string };
  let G2: { id: string };
  const u = {} as Record<'admin' | 'fcoach' | 'ccoach' | 'learner' | 'learner2' | 'outsider', { id: string; username: string; password: string }>;

  beforeAll(async () => {
    ctx = await createTestApp();
    k = new Kolibri(ctx, () => ctx.clientToken());
    F = await k.facility('Alpha');
    F2 = await k.facility('Beta');
    C = await k.classroom(F.id, 'C');
    C2 = await k.classroom(F.id, 'C2');
    C3 = await k.classroom(F2.id, 'C3');
    G = await k.group(C.id, 'G');
    G2 = await k.group(C2.id, 'G2');
    for (const name of ['admin', 'fcoach', 'ccoach', 'learner', 'learner2'] as const) u[name] = await k.user(F.id, `${name}_user`);
    u.outsider = await k.user(F2.id, 'outsider_user');
    await k.role(u.admin.id, F.id, 'admin');
    await k.role(u.fcoach.id, F.id, 'coach');
    await k.role(u.ccoach.id, C.id, 'coach');
    await k.member(u.learner.id, C.id);
    await k.member(u.learner.id, G.id);
    await k.member(u.learner2.id, C.id);
    await k.member(u.outsider.id, C3.id);

    const superApi = await k.as(ctx.superToken());
    const foreignToken = (await ctx.newAccount('other')).token;
    as.super = superApi;
    as.client = await k.api();
    as.foreign = await k.as(foreignToken);
    for (const name of ['admin', 'fcoach', 'ccoach', 'learner', 'outsider'] as const) as[name] = await k.as(k.login(u[name]));
  });
  afterAll(() => ctx.close());

  describe('facility', () => {
    it('list: everyone signed in to the account sees its facilities; another account sees none of them', async () => {
      for (const who of ['super', 'client', 'admin', 'fcoach', 'ccoach', 'learner', 'outsider'] as Who[]) {
        expect(ids((await as[who].get('/api/auth/facility').expect(200)).body)).toEqual([F.id, F2.id].sort());
      }
      expect((await as.foreign.get('/api/auth/facility').expect(200)).body).toEqual([]);
    });

    it('read: 200 in the account, 404 from another account', async () => {
      await as.learner.get(`/api/auth/facility/${F.id}`).expect(200);
      await as.outsider.get(`/api/auth/facility/${F.id}`).expect(200);
      const r = await as.foreign.get(`/api/auth/facility/${F.id}`).expect(404);
      expect(r.body[0].id).toBe('NOT_FOUND');
      await as.foreign.get(`/api/auth/facilitydataset?facility_id=${F.id}`).expect(200, []);
    });

    it('create: superuser and API clients only', async () => {
      await as.super.post('/api/auth/facility', { name: 'By root' }).expect(201);
      await as.client.post('/api/auth/facility/create_facility', { name: 'By client', preset: 'formal' }).expect(200);
      const f = (await as.foreign.post('/api/auth/facility', { name: 'Foreign' }).expect(201)).body;
      expect(ids((await as.foreign.get('/api/auth/facility').expect(200)).body)).toEqual([f.id]);
      for (const who of ['admin', 'fcoach', 'learner'] as Who[]) {
        const r = await as[who].post('/api/auth/facility', { name: 'nope' }).expect(403);
        expect(r.body[0].id).toBe('PERMISSION_DENIED');
        await as[who].post('/api/auth/facility/create_facility', { name: 'nope', preset: 'formal' }).expect(403);
      }
    });

    it('update: superuser, client and the facility admin; dataset likewise', async () => {
      await as.admin.patch(`/api/auth/facility/${F.id}`, { name: 'Alpha' }).expect(200);
      await as.super.patch(`/api/auth/facility/${F.id}`, { name: 'Alpha' }).expect(200);
      await as.admin.patch(`/api/auth/facility/${F2.id}`, { name: 'Beta!' }).expect(403);
      for (const who of ['fcoach', 'ccoach', 'learner', 'outsider'] as Who[]) await as[who].patch(`/api/auth/facility/${F.id}`, { name: 'x' }).expect(403);
      await as.foreign.patch(`/api/auth/facility/${F.id}`, { name: 'x' }).expect(404);
      await as.admin.patch(`/api/auth/facilitydataset/${F.dataset.id}`, { location: 'here' }).expect(200);
      await as.admin.post(`/api/auth/facilitydataset/${F.dataset.id}/resetsettings`).expect(200);
      await as.admin.patch(`/api/auth/facilitydataset/${F2.dataset.id}`, { location: 'x' }).expect(403);
      await as.learner.patch(`/api/auth/facilitydataset/${F.dataset.id}`, { location: 'x' }).expect(403);
      await as.learner.get(`/api/auth/facilitydataset?facility_id=${F.id}`).expect(200);
      await as.foreign.patch(`/api/auth/facilitydataset/${F.dataset.id}`, { location: 'x' }).expect(404);
    });

    it('delete: superuser and clients only', async () => {
      const f = await k.facility();
      await as.admin.delete(`/api/auth/facility/${F.id}`).expect(403);
      await as.learner.delete(`/api/auth/facility/${F.id}`).expect(403);
      await as.foreign.delete(`/api/auth/facility/${F.id}`).expect(404);
      await as.client.delete(`/api/auth/facility/${f.id}`).expect(204);
    });
  });

  describe('classroom', () => {
    it('list: filtered by the same rules as reads', async () => {
      const all = [C.id, C2.id, C3.id].sort();
      expect(ids((await as.client.get('/api/auth/classroom').expect(200)).body)).toEqual(all);
      expect(ids((await as.super.get('/api/auth/classroom').expect(200)).body)).toEqual(all);
      expect(ids((await as.admin.get('/api/auth/classroom').expect(200)).body)).toEqual([C.id, C2.id].sort());
      expect(ids((await as.fcoach.get('/api/auth/classroom').expect(200)).body)).toEqual([C.id, C2.id].sort());
      expect(ids((await as.ccoach.get('/api/auth/classroom').expect(200)).body)).toEqual([C.id]);
      expect(ids((await as.ccoach.get('/api/auth/classroom?role=coach').expect(200)).body)).toEqual([C.id]);
      // Kolibri's role filter keeps every classroom for a facility admin.
      expect(ids((await as.admin.get('/api/auth/classroom?role=coach').expect(200)).body)).toEqual([C.id, C2.id].sort());
      expect(ids((await as.learner.get('/api/auth/classroom').expect(200)).body)).toEqual([C.id]);
      expect(ids((await as.outsider.get('/api/auth/classroom').expect(200)).body)).toEqual([C3.id]);
      expect((await as.foreign.get('/api/auth/classroom').expect(200)).body).toEqual([]);
    });

    it('read: admins, facility coaches, the class coach and its learners; 404 otherwise', async () => {
      for (const who of ['super', 'client', 'admin', 'fcoach', 'ccoach', 'learner'] as Who[]) await as[who].get(`/api/auth/classroom/${C.id}`).expect(200);
      await as.ccoach.get(`/api/auth/classroom/${C2.id}`).expect(404);
      await as.learner.get(`/api/auth/classroom/${C2.id}`).expect(404);
      await as.outsider.get(`/api/auth/classroom/${C.id}`).expect(404);
      await as.foreign.get(`/api/auth/classroom/${C.id}`).expect(404);
    });

    it('create/update/delete: facility admins (and super/client) only', async () => {
      const made = (await as.admin.post('/api/auth/classroom', { name: 'By admin', parent: F.id }).expect(201)).body;
      await as.super.post('/api/auth/classroom', { name: 'By root', parent: F.id }).expect(201);
      for (const who of ['fcoach', 'ccoach', 'learner', 'outsider'] as Who[]) await as[who].post('/api/auth/classroom', { name: 'nope', parent: F.id }).expect(403);
      await as.admin.post('/api/auth/classroom', { name: 'nope', parent: F2.id }).expect(403);
      await as.foreign.post('/api/auth/classroom', { name: 'nope', parent: F.id }).expect(400);
      await as.admin.patch(`/api/auth/classroom/${made.id}`, { name: 'Renamed' }).expect(200);
      for (const who of ['fcoach', 'ccoach', 'learner'] as Who[]) await as[who].patch(`/api/auth/classroom/${C.id}`, { name: 'x' }).expect(403);
      await as.outsider.patch(`/api/auth/classroom/${C.id}`, { name: 'x' }).expect(404);
      await as.foreign.patch(`/api/auth/classroom/${C.id}`, { name: 'x' }).expect(404);
      for (const who of ['fcoach', 'ccoach', 'learner'] as Who[]) await as[who].delete(`/api/auth/classroom/${C.id}`).expect(403);
      await as.outsider.delete(`/api/auth/classroom/${C.id}`).expect(404);
      await as.foreign.delete(`/api/auth/classroom/${C.id}`).expect(404);
      await as.admin.delete(`/api/auth/classroom/${made.id}`).expect(204);
    });
  });

  describe('learner group', () => {
    it('list and read follow the classroom rules', async () => {
      expect(ids((await as.admin.get('/api/auth/learnergroup').expect(200)).body)).toEqual([G.id, G2.id].sort());
      expect(ids((await as.fcoach.get('/api/auth/learnergroup').expect(200)).body)).toEqual([G.id, G2.id].sort());
      expect(ids((await as.ccoach.get('/api/auth/learnergroup').expect(200)).body)).toEqual([G.id]);
      expect(ids((await as.learner.get('/api/auth/learnergroup').expect(200)).body)).toEqual([G.id]);
      expect((await as.outsider.get('/api/auth/learnergroup').expect(200)).body).toEqual([]);
      expect((await as.foreign.get('/api/auth/learnergroup').expect(200)).body).toEqual([]);
      await as.ccoach.get(`/api/auth/learnergroup/${G.id}`).expect(200);
      await as.ccoach.get(`/api/auth/learnergroup/${G2.id}`).expect(404);
      await as.outsider.get(`/api/auth/learnergroup/${G.id}`).expect(404);
      await as.foreign.get(`/api/auth/learnergroup/${G.id}`).expect(404);
    });

    it('managed by admins and by coaches of the parent classroom', async () => {
      const byCoach = (await as.ccoach.post('/api/auth/learnergroup', { name: 'By coach', parent: C.id }).expect(201)).body;
      await as.fcoach.post('/api/auth/learnergroup', { name: 'By fcoach', parent: C2.id }).expect(201);
      await as.admin.post('/api/auth/learnergroup', { name: 'By admin', parent: C.id }).expect(201);
      await as.ccoach.post('/api/auth/learnergroup', { name: 'nope', parent: C2.id }).expect(403);
      await as.learner.post('/api/auth/learnergroup', { name: 'nope', parent: C.id }).expect(403);
      await as.outsider.post('/api/auth/learnergroup', { name: 'nope', parent: C.id }).expect(403);
      await as.ccoach.patch(`/api/auth/learnergroup/${byCoach.id}`, { name: 'Renamed by coach' }).expect(200);
      await as.learner.patch(`/api/auth/learnergroup/${G.id}`, { name: 'x' }).expect(403);
      await as.ccoach.patch(`/api/auth/learnergroup/${G2.id}`, { name: 'x' }).expect(404);
      await as.learner.delete(`/api/auth/learnergroup/${byCoach.id}`).expect(403);
      await as.foreign.delete(`/api/auth/learnergroup/${byCoach.id}`).expect(404);
      await as.ccoach.delete(`/api/auth/learnergroup/${byCoach.id}`).expect(204);
    });
  });

  describe('facility user', () => {
    it('list: admins see the facility, coaches their learners, everyone themselves', async () => {
      const inF = [u.admin, u.fcoach, u.ccoach, u.learner, u.learner2].map((x) => x.id).sort();
      expect(ids((await as.admin.get(`/api/auth/facilityuser?facility=${F.id}`).expect(200)).body)).toEqual(inF);
      expect(ids((await as.fcoach.get(`/api/auth/facilityuser?facility=${F.id}`).expect(200)).body)).toEqual(inF);
      expect(ids((await as.ccoach.get('/api/auth/facilityuser').expect(200)).body)).toEqual([u.ccoach.id, u.learner.id, u.learner2.id].sort());
      expect(ids((await as.learner.get('/api/auth/facilityuser').expect(200)).body)).toEqual([u.learner.id]);
      expect(ids((await as.outsider.get('/api/auth/facilityuser').expect(200)).body)).toEqual([u.outsider.id]);
      expect((await as.foreign.get('/api/auth/facilityuser').expect(200)).body).toEqual([]);
      const page = (await as.ccoach.get('/api/auth/facilityuser?page=1&page_size=2').expect(200)).body;
      expect(page).toMatchObject({ page: 1, count: 3, total_pages: 2 });
    });

    it('read, create, update, delete', async () => {
      for (const who of ['admin', 'fcoach', 'ccoach', 'learner'] as Who[]) await as[who].get(`/api/auth/facilityuser/${u.learner.id}`).expect(200);
      await as.learner.get(`/api/auth/facilityuser/${u.ccoach.id}`).expect(404);
      await as.outsider.get(`/api/auth/facilityuser/${u.learner.id}`).expect(404);
      await as.foreign.get(`/api/auth/facilityuser/${u.learner.id}`).expect(404);

      const made = (await as.admin.post('/api/auth/facilityuser', { username: 'made_by_admin', password: 'pw-123-made' }).expect(201)).body;
      expect(made.facility).toBe(F.id);
      await as.admin.post('/api/auth/facilityuser', { username: 'x1', password: 'pass-word-9', facility: F2.id }).expect(403);
      for (const who of ['fcoach', 'ccoach', 'learner'] as Who[]) await as[who].post('/api/auth/facilityuser', { username: `x_${who}`, password: 'pass-word-9' }).expect(403);

      await as.admin.patch(`/api/auth/facilityuser/${made.id}`, { full_name: 'Made' }).expect(200);
      await as.ccoach.patch(`/api/auth/facilityuser/${u.learner.id}`, { full_name: 'x' }).expect(403);
      await as.outsider.patch(`/api/auth/facilityuser/${u.learner.id}`, { full_name: 'x' }).expect(404);
      await as.ccoach.delete(`/api/auth/facilityuser/${made.id}`).expect(404);
      await as.fcoach.delete(`/api/auth/facilityuser/${made.id}`).expect(403);
      await as.foreign.delete(`/api/auth/facilityuser/${made.id}`).expect(404);
      await as.admin.delete(`/api/auth/facilityuser/${made.id}`).expect(204);
    });

    it('users edit and delete their own account as the facility dataset allows', async () => {
      // F is nonformal: learners edit their name, username and password, and may delete their account.
      const self = await k.user(F.id, 'self_service');
      const api = await k.as(k.login(self));
      const url = `/api/auth/facilityuser/${self.id}`;
      expect((await api.patch(url, { full_name: 'Me Myself' }).expect(200)).body.full_name).toBe('Me Myself');
      await api.patch(url, { password: 'changed-pw-1' }).expect(200);
      await k.login({ username: self.username, password: 'changed-pw-1' });
      await api.patch(`/api/auth/facilityuser/${u.learner2.id}`, { full_name: 'x' }).expect(404);
      await api.patch(url, { is_superuser: true }).expect(400);

      const formal = await k.facility('Formal school', 'formal');
      const strict = await k.user(formal.id, 'strict_learner');
      const strictApi = await k.as(k.login(strict));
      const denied = await strictApi.patch(`/api/auth/facilityuser/${strict.id}`, { full_name: 'x' }).expect(403);
      expect(denied.body[0].id).toBe('PERMISSION_DENIED');
      await strictApi.delete(`/api/auth/facilityuser/${strict.id}`).expect(403);
      // The admin turns name editing on: now the name may change, not the username.
      await as.client.patch(`/api/auth/facilitydataset/${formal.dataset.id}`, { learner_can_edit_name: true }).expect(200);
      await strictApi.patch(`/api/auth/facilityuser/${strict.id}`, { full_name: 'Allowed' }).expect(200);
      await strictApi.patch(`/api/auth/facilityuser/${strict.id}`, { username: 'renamed' }).expect(403);
      await strictApi.patch(`/api/auth/facilityuser/${strict.id}`, { full_name: 'Both', username: 'renamed' }).expect(403);

      await api.delete(url).expect(204);
    });

    it('the superuser cannot delete itself', async () => {
      const me = (await ctx.http().post('/api/auth/session').send({ username: 'root', password: 'root-password-1' }).expect(200)).body.id;
      await as.client.post('/api/auth/membership', { user: me, collection: C2.id }).expect(201);
      await as.super.delete(`/api/auth/facilityuser/${me}`).expect(403);
      await as.client.delete(`/api/auth/membership?user=${me}`).expect(204);
    });
  });

  describe('membership', () => {
    it('list: own, admins, coaches of the class', async () => {
      const inC = (await as.admin.get(`/api/auth/membership?collection=${C.id}`).expect(200)).body;
      expect(inC).toHaveLength(2);
      expect(ids((await as.ccoach.get(`/api/auth/membership?collection=${C.id}`).expect(200)).body)).toEqual(ids(inC));
      expect((await as.ccoach.get(`/api/auth/membership?collection=${C3.id}`).expect(200)).body).toEqual([]);
      const own = (await as.learner.get('/api/auth/membership').expect(200)).body;
      expect(own.every((m: { user: string }) => m.user === u.learner.id)).toBe(true);
      expect(own).toHaveLength(2);
      expect((await as.outsider.get(`/api/auth/membership?collection=${C.id}`).expect(200)).body).toEqual([]);
    });

    it('a class coach manages group memberships of users already in the class; only admins touch classroom memberships', async () => {
      const gm = (await as.ccoach.post('/api/auth/membership', { user: u.learner2.id, collection: G.id }).expect(201)).body;
      await as.ccoach.post('/api/auth/membership', { user: u.fcoach.id, collection: G.id }).expect(400);
      await as.ccoach.post('/api/auth/membership', { user: u.fcoach.id, collection: C.id }).expect(403);
      await as.ccoach.post('/api/auth/membership', { user: u.learner2.id, collection: G2.id }).expect(403);
      // A bulk body answers as checking its items in order: a refused item before an unknown collection is 403, after it 400.
      const unknown = 'ab'.repeat(16);
      await as.ccoach.post('/api/auth/membership', [{ user: u.learner.id, collection: G.id }, { user: u.learner2.id, collection: G2.id }, { user: u.learner2.id, collection: unknown }]).expect(403);
      await as.ccoach.post('/api/auth/membership', [{ user: u.learner.id, collection: G.id }, { user: u.learner2.id, collection: unknown }, { user: u.learner2.id, collection: G2.id }]).expect(400);
      await as.learner.post('/api/auth/membership', { user: u.learner.id, collection: C2.id }).expect(403);
      await as.learner.delete(`/api/auth/membership/${gm.id}`).expect(404);
      await as.ccoach.delete(`/api/auth/membership/${gm.id}`).expect(204);
      const cm = (await as.admin.post('/api/auth/membership', { user: u.fcoach.id, collection: C.id }).expect(201)).body;
      await as.ccoach.delete(`/api/auth/membership/${cm.id}`).expect(403);
      await as.foreign.delete(`/api/auth/membership/${cm.id}`).expect(404);
      await as.admin.delete(`/api/auth/membership/${cm.id}`).expect(204);
    });

    it('delete by filter removes only what the caller may delete', async () => {
      await as.ccoach.post('/api/auth/membership', { user: u.learner2.id, collection: G.id }).expect(201);
      // The coach may delete the group membership, not the classroom one.
      await as.ccoach.delete(`/api/auth/membership?user=${u.learner2.id}`).expect(204);
      const left = (await as.admin.get(`/api/auth/membership?user=${u.learner2.id}`).expect(200)).body;
      expect(left.map((m: { collection: string }) => m.collection)).toEqual([C.id]);
      await as.foreign.delete(`/api/auth/membership?user=${u.learner2.id}`).expect(204);
      expect((await as.admin.get(`/api/auth/membership?user=${u.learner2.id}`).expect(200)).body).toHaveLength(1);
      expect((await as.foreign.get(`/api/auth/membership?user=${u.learner2.id}`).expect(200)).body).toEqual([]);
    });
  });

  describe('role', () => {
    it('list: own, admins, coaches', async () => {
      expect((await as.learner.get('/api/auth/role').expect(200)).body).toEqual([]);
      const own = (await as.ccoach.get('/api/auth/role').expect(200)).body;
      expect(own.every((r: { user: string }) => r.user === u.ccoach.id)).toBe(true);
      const all = (await as.admin.get(`/api/auth/role?collection=${F.id}`).expect(200)).body;
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect((await as.fcoach.get(`/api/auth/role?collection=${F.id}`).expect(200)).body).toHaveLength(all.length);
      expect((await as.outsider.get(`/api/auth/role?collection=${F.id}`).expect(200)).body).toEqual([]);
      expect((await as.foreign.get('/api/auth/role').expect(200)).body).toEqual([]);
    });

    it('created and deleted by admins (and super/client) only', async () => {
      const r = (await as.admin.post('/api/auth/role', { user: u.learner2.id, collection: C2.id, kind: 'coach' }).expect(201)).body;
      for (const who of ['fcoach', 'ccoach', 'learner', 'outsider'] as Who[]) await as[who].post('/api/auth/role', { user: u.learner2.id, collection: F.id, kind: 'admin' }).expect(403);
      await as.admin.post('/api/auth/role', { user: u.outsider.id, collection: F2.id, kind: 'admin' }).expect(403);
      await as.foreign.post('/api/auth/role', { user: u.learner2.id, collection: F.id, kind: 'admin' }).expect(400);
      await as.ccoach.delete(`/api/auth/role/${r.id}`).expect(404);
      await as.fcoach.delete(`/api/auth/role/${r.id}`).expect(403);
      await as.foreign.delete(`/api/auth/role/${r.id}`).expect(404);
      await as.admin.delete(`/api/auth/role/${r.id}`).expect(204);
    });
  });
});
