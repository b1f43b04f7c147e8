import { TestContext } from '../support/test-app';

export const PASSWORD = 'user-password-1';

/** Small factories over the real app: accounts, users, organizations, tokens. */
export class OrgFactory {
  constructor(readonly ctx: TestContext) {}

  defaultAccountId(): Promise<string> {
    return this.ctx.defaultAccountId();
  }

  /** A user of the default account (or `accountId`) that can log in. */
  async user(identifier: string, opts: { accountId?: string; email?: string | null; fullName?: string } = {}) {
    return this.ctx.newUser({
      accountId: opts.accountId,
      username: identifier,
      email: opts.email === undefined ? `${identifier}@example.com` : opts.email,
      fullName: opts.fullName ?? `${identifier[0].toUpperCase()}${identifier.slice(1)} Tester`,
      password: PASSWORD,
    });
  }

  userToken(username: string): Promise<string> {
    return this.ctx.login(username, PASSWORD);
  }

  async client(): Promise<string> {
    return this.ctx.clientToken();
  }

  async org(code: string, name = `Org ${code}`, token?: string): Promise<void> {
    await this.ctx
      .http()
      .post('/organizations')
      .set('Authorization', `Bearer ${token ?? (await this.client())}`)
      .send({ code, name })
      .expect(200);
  }
}
