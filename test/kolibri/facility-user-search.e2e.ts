import { TestContext, createTestApp } from '../support/test-app';
import { Kolibri } from './kolibri-fixtures';

type Listed = { id: string; username: string; facility: string | null; roles: { kind: string }[] };

/** GET /api/auth/facilityuser's filters as Kolibri's FacilityUserViewSet serves them (kolibri/core/auth/api.py). */
describe('Kolibri facility user search and filters', () => {
  let ctx: TestContext;
  let k: Kolibri;
  let F1: string;
  let F2: string;
  let C1: string;
  let C2: string;
  const u: Record<string, { id: string; username: string; password: string }> = {};

  const names = (body: Listed[] | { results: Listed[] }) => (Array.isArray(body) ? body : body.results).map((x) => x.username);
  const list = async (query: string, token?: string) => {
    const api = ctx.as(token ?? (await ctx.clientToken()));
    return (await api.get(`/api/auth/facilityuser?${query}`).expect(200)).body as Listed[];
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    k = new Kolibri(ctx, () => ctx.clientToken());
    F1 = (await k.facility('North')).id;
    F2 = (await k.facility('South')).id;
    C1 = (await k.classroom(F1, 'C1')).id;
    C2 = (await k.classroom(F1, 'C2')).id;
    const api = await k.api();
    for (const [username, full_name, facility] of [
      ['anna', 'Anna Berg', F1],
      ['bert', 'Bert Annsson', F1],
      ['cara', 'Cara Doe', F1],
      ['dan', 'Aaron Dan', F1],
      ['erik', 'Erik Annlund', F2],
      ['pct', 'Fifty % off', F1],
    ]) {
      const res = await api.post('/api/auth/facilityuser', { username, password: 'password-123', facility, full_name }).expect(201);
      u[username] = { id: res.body.id, username, password: 'password-123' };
    }
    await k.member(u.anna.id, C1);
    await k.member(u.cara.id, C2);
    await k.role(u.cara.id, C1, 'coach');
    await k.role(u.dan.id, F1, 'admin');
    // Made through Triboo: a user of the account in no facility yet.
    await api.post('/api/extended/v1/users/', { username: 'tri_anna', email: 'tri@example.com', name: 'Hanna Tri' }).expect(201);
  });
  afterAll(() => ctx.close());

  it('search: every term in the username or the full name, case-insensitive; quoted phrases; wildcards literal', async () => {
    expect(names(await list(`facility=${F1}&search=ann`))).toEqual(['anna', 'bert']);
    expect(names(await list(`facility=${F1}&search=ANN`))).toEqual(['anna', 'bert']);
    expect(names(await list(`facility=${F1}&search=${encodeURIComponent('berg anna')}`))).toEqual(['anna']);
    expect(names(await list(`facility=${F1}&search=${encodeURIComponent('berg,bert')}`))).toEqual([]);
    expect(names(await list(`facility=${F1}&search=${encodeURIComponent('"anna berg"')}`))).toEqual(['anna']);
    expect(names(await list(`facility=${F1}&search=${encodeURIComponent('"berg anna"')}`))).toEqual([]);
    expect(names(await list(`facility=${F1}&search=${encodeURIComponent('%')}`))).toEqual(['pct']);
    expect(names(await list(`facility=${F1}&search=_`))).toEqual([]);
    expect(names(await list(`facility=${F1}&search=`))).toEqual(['anna', 'bert', 'cara', 'dan', 'pct']);
  });

  it('an account administrator searching finds users in no facility yet, and can use their id for a membership', async () => {
    const found = await list('search=anna');
    expect(found.map((x) => [x.username, x.facility])).toEqual([
      ['anna', F1],
      ['tri_anna', null],
    ]);
    // A search by full name reaches them too; a facility admin's search does not (they are in no facility of theirs).
    expect(names(await list('search=hanna'))).toEqual(['tri_anna']);
    const danToken = await k.login(u.dan);
    expect(names(await list('search=ann', danToken))).toEqual(['anna', 'bert']);
    // Plain lists stay facility users only.
    expect(names(await list(''))).not.toContain('tri_anna');
    const tri = found.find((x) => x.username === 'tri_anna')!;
    await ctx.as(await ctx.clientToken()).post('/api/auth/membership', { user: tri.id, collection: C2 }).expect(201);
    expect((await list('search=tri_anna')).map((x) => x.facility)).toEqual([F1]);
  });

  it('member_of (a collection or a facility), exclude_member_of, exclude_coach_for', async () => {
    expect(names(await list(`member_of=${C1}`))).toEqual(['anna']);
    expect(names(await list(`member_of=${F2}`))).toEqual(['erik']);
    expect(names(await list(`facility=${F1}&exclude_member_of=${C2}`))).toEqual(['anna', 'bert', 'dan', 'pct']);
    expect(names(await list(`exclude_member_of=${F1}`))).toEqual(['erik']);
    expect(names(await list(`facility=${F1}&exclude_coach_for=${C1}`))).toEqual(['anna', 'bert', 'dan', 'pct', 'tri_anna']);
  });

  it('user_type and exclude_user_type: learner (no role), a role kind, superuser', async () => {
    expect(names(await list(`facility=${F1}&user_type=coach`))).toEqual(['cara']);
    expect(names(await list(`facility=${F1}&user_type=admin`))).toEqual(['dan']);
    expect(names(await list(`facility=${F1}&user_type=learner`))).toEqual(['anna', 'bert', 'pct', 'tri_anna']);
    expect(names(await list(`facility=${F1}&exclude_user_type=learner`))).toEqual(['cara', 'dan']);
    expect(names(await list(`facility=${F1}&exclude_user_type=coach`))).toEqual(['anna', 'bert', 'dan', 'pct', 'tri_anna']);
    expect(names(await list(`facility=${F1}&user_type=superuser`))).toEqual([]);
    expect(names(await list(`facility=${F1}&exclude_user_type=superuser&search=an`))).toEqual(['anna', 'bert', 'dan', 'tri_anna']);
  });

  it('ordering: a field, descending with "-", with paging', async () => {
    expect(names(await list(`facility=${F1}&ordering=-username`))).toEqual(['tri_anna', 'pct', 'dan', 'cara', 'bert', 'anna']);
    expect(names(await list(`facility=${F1}&ordering=full_name`))).toEqual(['dan', 'anna', 'bert', 'cara', 'pct', 'tri_anna']);
    expect(names(await list(`facility=${F1}&ordering=-date_joined`))).toEqual(['tri_anna', 'pct', 'dan', 'cara', 'bert', 'anna']);
    const ids = (await list(`facility=${F1}&ordering=id`)).map((x) => x.id);
    expect(ids).toEqual([...ids].sort());
    const page = (await ctx.as(await ctx.clientToken()).get(`/api/auth/facilityuser?facility=${F1}&search=ann&ordering=-username&page_size=1&page=2`).expect(200)).body;
    expect(page).toMatchObject({ page: 2, count: 3, total_pages: 3 });
    expect(names(page)).toEqual(['bert']);
  });

  it('bad filter values are 400 in the Kolibri error body', async () => {
    const api = ctx.as(await ctx.clientToken());
    for (const q of ['ordering=gender_x', 'ordering=password', 'user_type=root', 'exclude_user_type=x', 'exclude_member_of=zz', 'exclude_coach_for=12', `search=${'x'.repeat(201)}`]) {
      const res = await api.get(`/api/auth/facilityuser?${q}`).expect(400);
      expect(Array.isArray(res.body) ? res.body[0] : res.body).toMatchObject({ id: expect.any(String) });
    }
  });
});

