import { TestContext, TEST_CLIENT, createTestApp } from './support/test-app';

describe('token endpoints', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('issues a client-credentials token from a form body', async () => {
    const res = await ctx
      .http()
      .post('/oauth2/access_token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret })
      .expect(200);
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'read write' });
  });

  it('answers invalid_client for a wrong secret', async () => {
    const res = await ctx.http().post('/oauth2/v1/access_token').send({ grant_type: 'client_credentials', client_id: TEST_CLIENT.id, client_secret: 'nope' }).expect(401);
    expect(res.body.error).toBe('invalid_client');
  });
});
