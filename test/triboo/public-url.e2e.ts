import { TestContext, createTestApp } from '../support/test-app';
import { auth } from './helpers';

describe('Triboo page links with PUBLIC_URL', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ PUBLIC_URL: 'https://lms.example.com/' });
  });
  afterAll(() => ctx.close());

  it('builds absolute next/previous links from PUBLIC_URL', async () => {
    const t = await ctx.clientToken();
    for (let i = 0; i < 5; i++) await ctx.http().post('/api/extended/v1/users').set(auth(t)).send({ username: `pu${i}`, email: `pu${i}@example.com` }).expect(201);
    const res = await ctx.http().get('/api/extended/v1/users?page_size=2').set(auth(t)).expect(200);
    expect(res.body.next).toMatch(/^https:\/\/lms\.example\.com\/api\/extended\/v1\/users\?page_size=2&page=2&after=\d+$/);
    const p2 = await ctx.http().get('/api/extended/v1/users?page_size=2&page=2').set(auth(t)).expect(200);
    expect(p2.body.previous).toMatch(/^https:\/\/lms\.example\.com\/api\/extended\/v1\/users\?page_size=2&page=1&before=\d+$/);
  });
});
