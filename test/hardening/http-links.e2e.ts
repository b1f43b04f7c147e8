import { TestContext, createTestApp } from '../support/test-app';
import { accountId, auth, course } from '../triboo/helpers';

/**
 * Issue 10, Host header: absolute links come from PUBLIC_URL, or from a Host that is a plain
 * host[:port], or are relative; never from a Host carrying userinfo or a path.
 */
async function seed(ctx: TestContext): Promise<string> {
  const t = await ctx.clientToken();
  for (let i = 0; i < 3; i++) await ctx.http().post('/api/extended/v1/users').set(auth(t)).send({ username: `link${i}`, email: `link${i}@example.com` }).expect(201);
  const acct = await accountId(ctx);
  await course(ctx, acct, 'course-v1:links+A+1');
  await course(ctx, acct, 'course-v1:links+B+1');
  return t;
}

const links = async (ctx: TestContext, token: string, headers: Record<string, string>) => {
  const users = await ctx.http().get('/api/extended/v1/users?page_size=1&page=2').set(auth(token)).set(headers).expect(200);
  const courses = await ctx.http().get('/api/extended/v1/courses?page_size=1').set(auth(token)).set(headers).expect(200);
  return { next: users.body.next as string, previous: users.body.previous as string, overview: courses.body.results[0].overview_url as string, coursesNext: courses.body.next as string };
};

describe('links without PUBLIC_URL', () => {
  let ctx: TestContext;
  let token: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    token = await seed(ctx);
  });
  afterAll(() => ctx.close());

  it.each(['x@attacker.example', 'attacker.example/evil', 'attacker.example?x=', 'attacker.example#x', 'a b.example', 'attacker.example:99999999', 'attacker.example:70000'])(
    'a Host of %p is not copied into next/previous/overview_url: the links are relative',
    async (host) => {
      const l = await links(ctx, token, { Host: host });
      for (const link of Object.values(l)) {
        expect(link).not.toMatch(/attacker|b\.example/);
        expect(link).toMatch(/^\//);
      }
      expect(l.next).toMatch(/^\/api\/extended\/v1\/users\?page_size=1&page=3&after=\d+$/);
      expect(l.overview).toBe('/courses/course-v1:links+A+1/about');
    },
  );

  it('a plain host:port is used as it is', async () => {
    const l = await links(ctx, token, { Host: 'lms.example.com:8443' });
    expect(l.next).toMatch(/^http:\/\/lms\.example\.com:8443\/api\/extended\/v1\/users\?page_size=1&page=3&after=\d+$/);
    expect(l.previous).toMatch(/^http:\/\/lms\.example\.com:8443\/api\/extended\/v1\/users\?/);
    expect(l.overview).toBe('http://lms.example.com:8443/courses/course-v1:links+A+1/about');
  });

  it('X-Forwarded-* is ignored while TRUST_PROXY is off', async () => {
    const l = await links(ctx, token, { Host: 'lms.example.com', 'X-Forwarded-Host': 'proxy.example', 'X-Forwarded-Proto': 'https' });
    expect(l.next).toMatch(/^http:\/\/lms\.example\.com\//);
  });
});

describe('links with PUBLIC_URL', () => {
  let ctx: TestContext;
  let token: string;
  beforeAll(async () => {
    ctx = await createTestApp({ PUBLIC_URL: 'https://public.example.org/' });
    token = await seed(ctx);
  });
  afterAll(() => ctx.close());

  it('PUBLIC_URL wins over any Host', async () => {
    for (const host of ['x@attacker.example', 'lms.example.com:8443']) {
      const l = await links(ctx, token, { Host: host });
      expect(l.next).toMatch(/^https:\/\/public\.example\.org\/api\/extended\/v1\/users\?/);
      expect(l.overview).toBe('https://public.example.org/courses/course-v1:links+A+1/about');
    }
  });
});

describe('links with TRUST_PROXY on', () => {
  let ctx: TestContext;
  let token: string;
  beforeAll(async () => {
    ctx = await createTestApp({ TRUST_PROXY: 'true' });
    token = await seed(ctx);
  });
  afterAll(() => ctx.close());

  it('takes scheme and host from X-Forwarded-Proto/-Host, with the same check', async () => {
    const l = await links(ctx, token, { Host: 'internal:3000', 'X-Forwarded-Host': 'lms.example.com', 'X-Forwarded-Proto': 'https' });
    expect(l.next).toMatch(/^https:\/\/lms\.example\.com\/api\/extended\/v1\/users\?/);
    const bad = await links(ctx, token, { Host: 'internal:3000', 'X-Forwarded-Host': 'x@attacker.example', 'X-Forwarded-Proto': 'https' });
    expect(bad.next).toMatch(/^\/api\/extended\/v1\/users\?/);
  });
});
