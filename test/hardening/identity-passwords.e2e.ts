import { hashSecret } from '../../src/core/auth/password-hasher';
import { EnvError, loadEnv } from '../../src/core/config/env';
import { UsersService } from '../../src/core/users/users.service';
import { TEST_ADMIN, TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';

/** Weak passwords of issue 10, and others the NIST SP 800-63B policy refuses (username/email given in each call). */
const WEAK = ['a', ' ', '1', 'password', 'PASSWORD', 'Password1', 'qwertyuiop', '1234567', '12345678', 'iloveyou', '\u00e9'.repeat(7), 'e\u0301'.repeat(7), '🔒🔒🔒🔒'];
/** 8 code points each, however many UTF-16 units or bytes: accepted. */
const GOOD = ['correct horse', '\u00e9'.repeat(8), 'e\u0301'.repeat(8), '🔒🔒🔒🔒🔒🔒🔒🔒', 'x'.repeat(128)];

describe('identity: one password policy in every dialect', () => {
  let ctx: TestContext;
  let api: Agent;
  let facility: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    api = ctx.as(await ctx.clientToken());
    facility = (await api.post('/api/auth/facility').send({ name: 'Password facility' }).expect(201)).body.id;
  });
  afterAll(() => ctx.close());

  const login = (username: string, password: string) => ctx.http().post('/api/auth/session').send({ username, password });

  it('Enabley PUT /api/v2/users refuses weak passwords on create and update with 400 invalid_request naming password', async () => {
    for (const [i, password] of [...WEAK, 'weak-user-1', 'Weak.Mail@Example.com'].entries()) {
      const res = await api.put('/api/v2/users').send({ identifier: `weak-${i}`, username: 'weak-user-1', email: 'weak.mail@example.com', password });
      expect({ password, status: res.status, error: res.body.error }).toEqual({ password, status: 400, error: 'invalid_request' });
      expect(res.body.error_description).toMatch(/^password: /);
    }
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM "user" WHERE identifier LIKE 'weak-%'`))[0].n).toBe(0);
    await api.put('/api/v2/users').send({ identifier: 'weak-ok', username: 'weak-ok' }).expect(201);
    for (const password of WEAK) await api.put('/api/v2/users').send({ identifier: 'weak-ok', password }).expect(400);
    for (const [i, password] of GOOD.entries()) {
      await api.put('/api/v2/users').send({ identifier: `good-${i}`, password }).expect(201);
      expect((await login(`good-${i}`, password).expect(200)).body.username).toBe(`good-${i}`);
    }
  });

  it('Kolibri facility users refuse weak passwords on create and PATCH with 400 INVALID on field password', async () => {
    for (const password of [...WEAK, 'kweak-user']) {
      const res = await api.post('/api/auth/facilityuser').send({ username: 'kweak-user', password, facility });
      expect({ password, status: res.status, body: res.body }).toEqual({ password, status: 400, body: [{ id: 'INVALID', metadata: { field: 'password', message: expect.any(String) } }] });
    }
    const user = (await api.post('/api/auth/facilityuser').send({ username: 'kweak-user', password: 'kolibri-strong-1', facility }).expect(201)).body;
    for (const password of WEAK) {
      const res = await api.patch(`/api/auth/facilityuser/${user.id}`).send({ password });
      expect({ password, status: res.status, field: res.body[0]?.metadata?.field }).toEqual({ password, status: 400, field: 'password' });
    }
    await login('kweak-user', 'kolibri-strong-1').expect(200);
  });

  it('an existing hash of a password the policy now refuses still logs in', async () => {
    await api.put('/api/v2/users').send({ identifier: 'legacy', username: 'legacy' }).expect(201);
    await ctx.db.query(`UPDATE "user" SET password_hash = $2 WHERE identifier = $1`, ['legacy', await hashSecret('1')]);
    await login('legacy', '1').expect(200);
  });

  it('ADMIN_PASSWORD and ADMIN_USERNAME are checked at start with one clear line', () => {
    const env = (ADMIN_USERNAME: string, ADMIN_PASSWORD: string) => () => loadEnv({ ADMIN_USERNAME, ADMIN_PASSWORD });
    expect(env('root', 'password')).toThrow(new EnvError('ADMIN_PASSWORD is refused by the password policy: This password is too common; choose a less predictable one.'));
    expect(env('root', 'short')).toThrow(/^ADMIN_PASSWORD is refused by the password policy: The password must be at least 8 characters long\.$/);
    expect(env('operator-one', 'Operator-One')).toThrow(/may not be the username/);
    expect(env('ad\u200bmin', 'a-good-password-1')).toThrow(/^ADMIN_USERNAME is not a valid username: .*U\+200B/);
    expect(env('root', 'x'.repeat(257))).toThrow(/at most 256/);
    expect(() => loadEnv({ ADMIN_USERNAME: TEST_ADMIN.username, ADMIN_PASSWORD: TEST_ADMIN.password })).not.toThrow();
  });
});

describe('identity: a password change ends the other sessions', () => {
  let ctx: TestContext;
  let api: Agent;
  beforeAll(async () => {
    ctx = await createTestApp();
    api = ctx.as(await ctx.clientToken());
  });
  afterAll(() => ctx.close());

  const token = (username: string, password: string) => ctx.login(username, password);
  const status = async (t: string, url: string) => (await ctx.as(t).get(url)).status;

  it('Enabley: the user changing its own password keeps that session; the other one answers 401; an administrator change ends all', async () => {
    await api.put('/api/v2/users').send({ identifier: 'sa', username: 'sa', password: 'site-admin-pass-1', possibleRoles: ['SITE_ADMIN'] }).expect(201);
    const [a, b] = [await token('sa', 'site-admin-pass-1'), await token('sa', 'site-admin-pass-1')];
    expect([await status(a, '/api/v2/users/sa'), await status(b, '/api/v2/users/sa')]).toEqual([200, 200]);
    await ctx.as(a).put('/api/v2/users').send({ identifier: 'sa', password: 'site-admin-pass-2' }).expect(200);
    expect([await status(a, '/api/v2/users/sa'), await status(b, '/api/v2/users/sa')]).toEqual([200, 401]);
    await ctx.http().post('/api/auth/session').send({ username: 'sa', password: 'site-admin-pass-1' }).expect(401);
    // Sending the password it already has (a provisioning sync) changes nothing and ends nothing.
    const c = await token('sa', 'site-admin-pass-2');
    await api.put('/api/v2/users').send({ identifier: 'sa', password: 'site-admin-pass-2', firstName: 'Sam' }).expect(200);
    expect([await status(a, '/api/v2/users/sa'), await status(c, '/api/v2/users/sa')]).toEqual([200, 200]);
    // An API client (no session of its own) changing it ends every session.
    await api.put('/api/v2/users').send({ identifier: 'sa', password: 'site-admin-pass-3' }).expect(200);
    expect([await status(a, '/api/v2/users/sa'), await status(c, '/api/v2/users/sa')]).toEqual([401, 401]);
    await token('sa', 'site-admin-pass-3');
  });

  it('Kolibri: a learner changing its own password keeps that session; a facility admin changing it ends all', async () => {
    const facility = (await api.post('/api/auth/facility').send({ name: 'Sessions' }).expect(201)).body.id;
    const me = (await api.post('/api/auth/facilityuser').send({ username: 'klearner', password: 'learner-pass-1', facility }).expect(201)).body.id;
    const url = `/api/auth/facilityuser/${me}`;
    const [a, b] = [await token('klearner', 'learner-pass-1'), await token('klearner', 'learner-pass-1')];
    await ctx.as(a).patch(url).send({ password: 'learner-pass-2' }).expect(200);
    expect([await status(a, url), await status(b, url)]).toEqual([200, 401]);
    // A change of another field ends nothing.
    await ctx.as(a).patch(url).send({ full_name: 'K. Learner' }).expect(200);
    expect(await status(a, url)).toBe(200);
    await api.patch(url).send({ password: 'learner-pass-3' }).expect(200);
    expect(await status(a, url)).toBe(401);
    await token('klearner', 'learner-pass-3');
  });

  it('deactivation ends the sessions, so a reactivation (Enabley or after a Triboo deactivate) does not revive old tokens', async () => {
    await api.put('/api/v2/users').send({ identifier: 'sleeper', username: 'sleeper', password: 'sleeper-pass-1', possibleRoles: ['SITE_ADMIN'] }).expect(201);
    let t = await token('sleeper', 'sleeper-pass-1');
    await api.put('/api/v2/users/sleeper?isActive=false').expect(200);
    await api.put('/api/v2/users/sleeper?isActive=true').expect(200);
    expect(await status(t, '/api/v2/users/sleeper')).toBe(401);
    t = await token('sleeper', 'sleeper-pass-1');
    await api.delete('/api/extended/v1/users_by_username/sleeper').expect(200);
    await api.put('/api/v2/users/sleeper?isActive=true').expect(200);
    expect(await status(t, '/api/v2/users/sleeper')).toBe(401);
    expect(await status(await token('sleeper', 'sleeper-pass-1'), '/api/v2/users/sleeper')).toBe(200);
  });

  it('a rotated ADMIN_PASSWORD (bootstrap at start) ends the superuser sessions', async () => {
    const sup = await ctx.superToken();
    expect(await status(sup, '/api/v2/users')).toBe(200);
    const [{ id: account }] = await ctx.db.query(`SELECT id FROM account WHERE name = 'default'`);
    const users = ctx.app.get(UsersService);
    await users.ensureSuperuser(account, 'ROOT', TEST_ADMIN.password);
    expect(await status(sup, '/api/v2/users')).toBe(200);
    await users.ensureSuperuser(account, 'ROOT', 'rotated-root-pass-2');
    expect(await status(sup, '/api/v2/users')).toBe(401);
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM "user" WHERE username_key = 'root'`))[0].n).toBe(1);
    await token('root', 'rotated-root-pass-2');
  });
});
