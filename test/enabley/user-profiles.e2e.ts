import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';

describe('Enabley user profiles', () => {
  let ctx: TestContext;
  let api: Agent;
  const ids = (body: { identifier: string }[]) => body.map((g) => g.identifier);
  beforeAll(async () => {
    ctx = await createTestApp();
    api = ctx.as(await ctx.clientToken());
    await api.put('/api/v2/users').send({ identifier: 'pu-1' }).expect(201);
  });
  afterAll(() => ctx.close());

  it('upserts: 201 created, 200 updated', async () => {
    const created = await api.put('/api/v2/userProfiles').send({ identifier: 'sales', name: 'Sales' }).expect(201);
    expect(created.body).toEqual({ identifier: 'sales', name: 'Sales', created: expect.stringMatching(/Z$/), modified: expect.stringMatching(/Z$/) });
    const updated = await api.put('/api/v2/userProfiles').send({ identifier: 'sales', name: 'Sales team' }).expect(200);
    expect(updated.body.name).toBe('Sales team');
    await api.put('/api/v2/userProfiles').send({ identifier: 'support', name: 'Support' }).expect(201);
    await api.put('/api/v2/userProfiles').send({ identifier: 'x' }).expect(400);
    await api.put('/api/v2/userProfiles').send({ identifier: 'x', name: 'X', extra: 1 }).expect(400);
  });

  it('finds profiles by identifiers', async () => {
    expect(ids((await api.post('/api/v2/getUserProfiles').send(['support', 'sales', 'ghost']).expect(200)).body)).toEqual(['sales', 'support']);
    expect((await api.post('/api/v2/getUserProfiles').send([]).expect(200)).body).toEqual([]);
    const res = await api.post('/api/v2/getUserProfiles').send({ identifiers: ['sales'] }).expect(400);
    expect(res.body.error).toBe('invalid_request');
    await api.post('/api/v2/getUserProfiles').send([1, 2]).expect(400);
  });

  it('assigns, replaces and removes a user\'s profiles', async () => {
    await api.put('/api/v2/userProfiles/sales/users/pu-1').expect(200);
    await api.put('/api/v2/userProfiles/support/users/pu-1').expect(200);
    expect(ids((await api.post('/api/v2/userProfiles/users/pu-1').expect(200)).body)).toEqual(['sales', 'support']);
    await api.put('/api/v2/userProfiles/support/users/pu-1?replace=true').expect(200);
    expect(ids((await api.post('/api/v2/userProfiles/users/pu-1').expect(200)).body)).toEqual(['support']);
    await api.delete('/api/v2/userProfiles/support/users/pu-1').expect(200);
    expect((await api.post('/api/v2/userProfiles/users/pu-1').expect(200)).body).toEqual([]);
    await api.delete('/api/v2/userProfiles/support/users/pu-1').expect(404);
    await api.put('/api/v2/userProfiles/ghost/users/pu-1').expect(404);
    await api.put('/api/v2/userProfiles/sales/users/ghost').expect(404);
    await api.post('/api/v2/userProfiles/users/ghost').expect(404);
    await api.put('/api/v2/userProfiles/sales/users/pu-1?replace=1').expect(400);
  });

  it('keeps accounts apart', async () => {
    const other = (await ctx.newAccount()).api;
    expect((await other.post('/api/v2/getUserProfiles').send(['sales']).expect(200)).body).toEqual([]);
    await other.put('/api/v2/userProfiles/sales/users/pu-1').expect(404);
    await other.post('/api/v2/userProfiles/users/pu-1').expect(404);
    await ctx.http().put('/api/v2/userProfiles').send({ identifier: 'a', name: 'A' }).expect(401);
  });
});
