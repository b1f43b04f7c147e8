import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';

export type Api = Agent;

export interface ChannelsTestEnv {
  ctx: TestContext;
  a: Api;
  accountId: string;
  /** A core user in the default account (identifier = username). */
  newUser: (identifier: string, extra?: { password?: string; email?: string; fullName?: string }) => Promise<{ id: string; identifier: string }>;
}

export async function channelsEnv(): Promise<ChannelsTestEnv> {
  const ctx = await createTestApp();
  return {
    ctx,
    a: ctx.as(await ctx.clientToken()),
    accountId: await ctx.defaultAccountId(),
    newUser: async (identifier, extra = {}) => {
      const u = await ctx.newUser({ username: identifier, email: extra.email ?? `${identifier}@example.com`, password: extra.password, fullName: extra.fullName });
      return { id: u.id, identifier: u.identifier };
    },
  };
}

/** Channel upsert through the API. */
export async function putChannel(a: Api, body: Record<string, unknown>, status = 201) {
  return (await a.put('/api/v1/channels').send(body).expect(status)).body;
}
