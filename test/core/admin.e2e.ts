import { BootstrapService } from '../../src/core/accounts/bootstrap.service';
import { TestContext, createTestApp } from '../support/test-app';

describe('platform administration', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('creates accounts and clients whose secrets work, and revokes them', async () => {
    const su = `Bearer ${await ctx.superToken()}`;
    const acc = await ctx.http().post('/api/admin/accounts').set('authorization', su).send({ name: 'acme' }).expect(201);
    expect(acc.body).toEqual({ id: expect.any(String), name: 'acme' });
    await ctx.http().post('/api/admin/accounts').set('authorization', su).send({ name: 'acme' }).expect(409);
    const cl = await ctx.http().post(`/api/admin/accounts/${acc.body.id}/clients`).set('authorization', su).send({ name: 'sync' }).expect(201);
    expect(cl.body).toEqual({ client_id: expect.any(String), client_secret: expect.any(String), account_id: acc.body.id });
    const stored = await ctx.db.query(`SELECT secret_hash FROM api_client WHERE client_id = $1`, [cl.body.client_id]);
    expect(stored[0].secret_hash).toMatch(/^\$argon2id\$/);
    const tok = await ctx.http().post('/oauth2/access_token').type('form').send({ grant_type: 'client_credentials', client_id: cl.body.client_id, client_secret: cl.body.client_secret }).expect(200);
    const payload = JSON.parse(Buffer.from(tok.body.access_token.split('.')[1], 'base64url').toString());
    expect(payload.acct).toBe(acc.body.id);
    const auth = `Bearer ${tok.body.access_token}`;
    // Authenticated but not a superuser.
    await ctx.http().post('/api/admin/accounts').set('authorization', auth).send({ name: 'nope' }).expect(403);
    await ctx.http().delete(`/api/admin/clients/${cl.body.client_id}`).set('authorization', su).expect(204);
    await ctx.http().post('/api/admin/accounts').set('authorization', auth).send({ name: 'nope' }).expect(401);
    const again = await ctx.http().post('/oauth2/access_token').type('form').send({ grant_type: 'client_credentials', client_id: cl.body.client_id, client_secret: cl.body.client_secret }).expect(401);
    expect(again.body.error).toBe('invalid_client');
    await ctx.http().delete(`/api/admin/clients/unknown-client`).set('authorization', su).expect(404);
  });

  it('rejects bad input in the platform error form', async () => {
    const su = `Bearer ${await ctx.superToken()}`;
    const missing = await ctx.http().post('/api/admin/accounts').set('authorization', su).send({}).expect(400);
    expect(missing.body).toEqual({ error: 'required', message: expect.stringContaining('name') });
    await ctx.http().post('/api/admin/accounts').set('authorization', su).send({ name: 12 }).expect(400);
    const unknown = await ctx.http().post('/api/admin/accounts').set('authorization', su).send({ name: 'x1', extra: true }).expect(400);
    expect(unknown.body.message).toContain('extra');
    await ctx.http().post('/api/admin/accounts').set('authorization', su).set('content-type', 'application/json').send('{"name":').expect(400);
    await ctx.http().post('/api/admin/accounts').set('authorization', su).set('content-type', 'application/xml').send('<name>x</name>').expect(415);
    await ctx.http().post('/api/admin/accounts').set('authorization', su).set('content-type', 'text/plain').send('name=x').expect(400);
    await ctx.http().post('/api/admin/accounts/00000000-0000-4000-8000-000000000000/clients').set('authorization', su).send({ name: 'x' }).expect(404);
    await ctx.http().post('/api/admin/accounts/not-a-uuid/clients').set('authorization', su).send({ name: 'x' }).expect(404);
  });

  it('bootstrap is idempotent: running it again keeps one superuser and one client', async () => {
    await ctx.app.get(BootstrapService).onApplicationBootstrap();
    await ctx.app.get(BootstrapService).onApplicationBootstrap();
    const [{ n: supers }] = await ctx.db.query(`SELECT count(*)::int AS n FROM "user" WHERE is_superuser`);
    const [{ n: clients }] = await ctx.db.query(`SELECT count(*)::int AS n FROM api_client WHERE client_id = 'test-client'`);
    expect([supers, clients]).toEqual([1, 1]);
  });

  it('health reports the database', async () => {
    const r = await ctx.http().get('/health').expect(200);
    expect(r.body.info.database.status).toBe('up');
  });
});
