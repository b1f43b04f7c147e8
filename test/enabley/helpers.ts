import { TestContext } from '../support/test-app';

/** A second account with its own API client, created through the superuser admin routes. */
export async function secondAccountToken(ctx: TestContext, name = 'other'): Promise<string> {
  const sup = await ctx.superToken();
  const acct = await ctx.http().post('/api/admin/accounts').set('Authorization', `Bearer ${sup}`).send({ name }).expect(201);
  const client = await ctx.http().post(`/api/admin/accounts/${acct.body.id}/clients`).set('Authorization', `Bearer ${sup}`).send({ name: 'c' }).expect(201);
  const tok = await ctx.http().post('/api/v1/token').query({ clientKey: client.body.client_id, secret: client.body.client_secret }).expect(200);
  return tok.body.access_token;
}

export function authed(ctx: TestContext, token: string) {
  const h = () => ctx.http();
  const auth = (r: ReturnType<ReturnType<typeof h>['get']>) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => auth(h().get(url)),
    put: (url: string) => auth(h().put(url)),
    post: (url: string) => auth(h().post(url)),
    delete: (url: string) => auth(h().delete(url)),
  };
}

/** Logs a user in (session) and returns its token. */
export async function userToken(ctx: TestContext, username: string, password: string): Promise<string> {
  const res = await ctx.http().post('/api/auth/session').send({ username, password }).expect(200);
  return res.body.access_token;
}
