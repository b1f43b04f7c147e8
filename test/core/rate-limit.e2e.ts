import { TestContext, TEST_CLIENT, createTestApp } from '../support/test-app';

describe('token endpoint rate limit', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ TOKEN_RATE_LIMIT: '3' });
  });
  afterAll(() => ctx.close());

  it('answers 429 with Retry-After once a client address exceeds the limit', async () => {
    const form = { grant_type: 'client_credentials', client_id: TEST_CLIENT.id, client_secret: 'wrong-guess' };
    for (let i = 0; i < 3; i++) await ctx.http().post('/oauth2/access_token').type('form').send(form).expect(401);
    const limited = await ctx.http().post('/oauth2/access_token').type('form').send(form).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error).toBe('slow_down');
  });
});
