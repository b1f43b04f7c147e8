import { TestContext, createTestApp } from '../support/test-app';
import { OrgFactory } from './helpers';

type Method = 'get' | 'post' | 'patch' | 'delete';

/** The Organizations dialect: every route, fed bad input, answers a 4xx in {error, message} form. */
describe('Organizations: bad input', () => {
  let ctx: TestContext;
  let f: OrgFactory;
  let token: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    f = new OrgFactory(ctx);
    token = await ctx.clientToken();
    for (const code of ['alice', 'bob']) await f.user(code);
    await f.org('north', 'North');
    await ctx.http().post('/organization:departments').set('Authorization', `Bearer ${token}`).send({ organization: 'north', name: 'Staff', permission_organization: 'teacher' }).expect(200);
  });
  afterAll(() => ctx.close());

  const call = (method: Method, path: string, body?: unknown) => {
    const req = ctx.http()[method](path).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body as object);
  };

  const routes: [Method, string, Record<string, unknown>][] = [
    ['get', '/organization', { organization: 'north' }],
    ['post', '/organizations', { code: 'x1', name: 'X1' }],
    ['patch', '/organization', { organization: 'north', name: 'North' }],
    ['get', '/organization:departments', { organization: 'north' }],
    ['post', '/organization:departments', { organization: 'north', name: 'Staff', permission_organization: 'teacher' }],
    ['get', '/organization:members', { organization: 'north' }],
    ['post', '/organization:members', { organization: 'north', users: 'alice', permission_organization: 'member', permission_content: 'view', notify: false }],
    ['delete', '/organization:members', { organization: 'north', users: 'bob' }],
    ['post', '/organizations:members', { organizations: 'north', users: 'alice', department: 'Staff', permission_content: 'view', notify: false }],
    ['get', '/user:organizations', { user: 'alice' }],
    ['post', '/user:organizations', { user: 'alice', organizations: 'north', department: 'Staff', notify: false }],
    ['delete', '/user:organizations', { user: 'bob', organizations: 'north' }],
  ];
  const OPTIONAL = ['department', 'permission_organization', 'permission_content', 'notify'];
  const BAD: unknown[] = [null, 5, true, { a: 1 }, ['a', 'b'], '', ' ', 'x'.repeat(300001)];

  it('answers every bad value of every field with a 4xx {error, message}, never a 500', async () => {
    const seen: string[] = [];
    for (const [method, path, good] of routes) {
      // GET carries its input in the query string; the others in a JSON body.
      for (const field of Object.keys(good)) {
        for (const bad of BAD) {
          if (method === 'get' && (bad === null || typeof bad === 'object' || String(bad).length > 1000)) continue;
          const input = { ...good, [field]: bad };
          const res =
            method === 'get'
              ? await call(method, `${path}?${new URLSearchParams(Object.entries(input).map(([k, v]): [string, string] => [k, String(v)])).toString()}`)
              : await call(method, path, input);
          // Optional fields given as null (or an empty form value for notify) mean "not given".
          const absent = (bad === null && OPTIONAL.includes(field)) || (field === 'notify' && (bad === true || bad === ''));
          if (res.status >= 500 || (res.status < 400 && !absent)) {
            seen.push(`${method} ${path} ${field}=${JSON.stringify(bad).slice(0, 20)} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
          } else if (res.status >= 400) {
            expect(res.body).toEqual({ error: expect.any(String), message: expect.any(String) });
          }
        }
      }
    }
    expect(seen).toEqual([]);
  });

  it('an unknown field or a query/body disagreement is a 400 on every route', async () => {
    for (const [method, path, good] of routes) {
      const res = method === 'get' ? await call(method, `${path}?${new URLSearchParams({ ...(good as Record<string, string>), bogus: '1' })}`) : await call(method, path, { ...good, bogus: 1 });
      expect([path, res.status, res.body.error]).toEqual([path, 400, 'invalid_parameter']);
    }
    const clash = await call('post', '/organization:members?organization=north', { organization: 'south', users: 'alice' });
    expect(clash.status).toBe(400);
  });
});
