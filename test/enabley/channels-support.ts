import request from 'supertest';
import { AccountsService } from '../../src/core/accounts/accounts.service';
import { UsersService } from '../../src/core/users/users.service';
import { TestContext, createTestApp } from '../support/test-app';

/** A bearer-authenticated request helper bound to one token. */
export function api(ctx: TestContext, token: string) {
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => auth(ctx.http().get(url)),
    put: (url: string) => auth(ctx.http().put(url)),
    post: (url: string) => auth(ctx.http().post(url)),
    delete: (url: string) => auth(ctx.http().delete(url)),
  };
}

export type Api = ReturnType<typeof api>;

export interface ChannelsTestEnv {
  ctx: TestContext;
  a: Api;
  accountId: string;
  /** A core user in the default account (identifier = username). */
  newUser: (identifier: string, extra?: { password?: string; email?: string; fullName?: string }) => Promise<{ id: string; identifier: string }>;
}

export async function channelsEnv(): Promise<ChannelsTestEnv> {
  const ctx = await createTestApp();
  const a = api(ctx, await ctx.clientToken());
  const accountId = (await ctx.app.get(AccountsService).ensure('default')).id;
  const users = ctx.app.get(UsersService);
  return {
    ctx,
    a,
    accountId,
    newUser: async (identifier, extra = {}) => {
      const u = await users.create(accountId, { username: identifier, identifier, email: extra.email ?? `${identifier}@example.com`, password: extra.password, fullName: extra.fullName });
      return { id: u.id, identifier: u.identifier };
    },
  };
}

/** A second account with its own API client, created by the superuser; returns that client's API helper. */
export async function secondAccount(ctx: TestContext, name = 'other'): Promise<Api> {
  const su = await ctx.superToken();
  const acct = await ctx.http().post('/api/admin/accounts').set('Authorization', `Bearer ${su}`).send({ name }).expect(201);
  const client = await ctx.http().post(`/api/admin/accounts/${acct.body.id}/clients`).set('Authorization', `Bearer ${su}`).send({ name: 'c' }).expect(201);
  const tok = await ctx
    .http()
    .post('/oauth2/access_token')
    .type('form')
    .send({ grant_type: 'client_credentials', client_id: client.body.client_id, client_secret: client.body.client_secret })
    .expect(200);
  return api(ctx, tok.body.access_token);
}

/** Channel upsert through the API. */
export async function putChannel(a: Api, body: Record<string, unknown>, status = 201) {
  return (await a.put('/api/v1/channels').send(body).expect(status)).body;
}
