import { ChannelsTestEnv, channelsEnv } from './channels-support';

/** The Enabley users routes against seed 002 (bad input never answers 500). */
describe('Enabley: users', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
  });
  afterAll(() => env.ctx.close());

  it('PUT /api/v2/users with null fields updates (null clears names/email, keeps the rest), never 500', async () => {
    const a = env.a;
    await a.put('/api/v2/users').send({ identifier: 'n1', username: 'n1', email: 'n1@x.com', firstName: 'Ann', lastName: 'Lee', password: 'pw-123456', isActive: true }).expect(201);
    const r = await a.put('/api/v2/users').send({ identifier: 'n1', username: null, firstName: null, lastName: null, email: null, password: null, isActive: null, phone: null, address: null, possibleRoles: null, customAttributes: null, subAccountName: null }).expect(200);
    expect(r.body).toMatchObject({ identifier: 'n1', username: 'n1', firstName: '', lastName: '', email: null, isActive: true, possibleRoles: ['LEARNER'], customAttributes: {} });
    for (const f of ['username', 'firstName', 'lastName', 'isActive', 'password', 'email']) await a.put('/api/v2/users').send({ identifier: 'n1', [f]: null }).expect(200);
    const created = await a.put('/api/v2/users').send({ identifier: 'n2', username: null, firstName: null, lastName: null, isActive: null, password: null }).expect(201);
    expect(created.body).toMatchObject({ identifier: 'n2', username: 'n2', firstName: '', lastName: '', isActive: true });
  });
});

describe('Enabley: users created elsewhere', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
  });
  afterAll(() => env.ctx.close());

  it('a user created by another dialect or a bulk upload reads possibleRoles [LEARNER], like a new PUT /api/v2/users user', async () => {
    await env.newUser('core-user');
    await env.a.post('/api/v1/uploads/orgBulkUpload').send({ files: [{ fileName: 'a.csv', content: 'identifier,email\nup-user,up@example.com\n' }] }).expect(200);
    await env.a.put('/api/v2/users').send({ identifier: 'api-user' }).expect(201);
    const users = (await env.a.get('/api/v2/users').expect(200)).body as { identifier: string; possibleRoles: string[] }[];
    expect(Object.fromEntries(users.map((u) => [u.identifier, u.possibleRoles]))).toEqual({ 'api-user': ['LEARNER'], 'core-user': ['LEARNER'], 'up-user': ['LEARNER'] });
  });
});
