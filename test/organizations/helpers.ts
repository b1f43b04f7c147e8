import { UsersService } from '../../src/core/users/users.service';
import { TestContext } from '../support/test-app';

export const PASSWORD = 'user-password-1';

/** Small factories over the real app: accounts, users, organizations, tokens. */
export class OrgFactory {
  private accountIdCache?: string;

  constructor(readonly ctx: TestContext) {}

  async defaultAccountId(): Promise<string> {
    if (!this.accountIdCache) {
      const rows: { id: string }[] = await this.ctx.db.query(`SELECT id FROM account WHERE name = 'default'`);
      this.accountIdCache = rows[0].id;
    }
    return this.accountIdCache;
  }

  /** A user of the default account (or `accountId`) that can log in. */
  async user(identifier: string, opts: { accountId?: string; email?: string | null; fullName?: string } = {}) {
    const accountId = opts.accountId ?? (await this.defaultAccountId());
    return this.ctx.app.get(UsersService).create(accountId, {
      username: identifier,
      identifier,
      email: opts.email === undefined ? `${identifier}@example.com` : opts.email,
      fullName: opts.fullName ?? `${identifier[0].toUpperCase()}${identifier.slice(1)} Tester`,
      password: PASSWORD,
    });
  }

  async userToken(username: string): Promise<string> {
    const res = await this.ctx.http().post('/api/auth/session').send({ username, password: PASSWORD }).expect(200);
    return res.body.access_token;
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

  /** A second account with its own API client; returns that client's token and account id. */
  async otherAccount(name = 'other'): Promise<{ token: string; accountId: string }> {
    const su = await this.ctx.superToken();
    const acc = await this.ctx.http().post('/api/admin/accounts').set('Authorization', `Bearer ${su}`).send({ name }).expect(201);
    const cl = await this.ctx.http().post(`/api/admin/accounts/${acc.body.id}/clients`).set('Authorization', `Bearer ${su}`).send({ name: 'c' }).expect(201);
    const tok = await this.ctx
      .http()
      .post('/oauth2/access_token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: cl.body.client_id, client_secret: cl.body.client_secret })
      .expect(200);
    return { token: tok.body.access_token, accountId: acc.body.id };
  }
}
