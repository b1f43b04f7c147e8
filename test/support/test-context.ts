import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { NewUser, UsersService } from '../../src/core/users/users.service';
import { validatedAgainstSpec } from './spec-hook';

export const TEST_ADMIN = { username: 'root', password: 'root-password-1' };
export const TEST_CLIENT = { id: 'test-client', secret: 'test-client-secret-1' };

/** Requests carrying one bearer token; `post`/`put`/`patch` send `body` when given. */
export interface Agent {
  get: (url: string) => request.Test;
  delete: (url: string) => request.Test;
  post: (url: string, body?: unknown) => request.Test;
  put: (url: string, body?: unknown) => request.Test;
  patch: (url: string, body?: unknown) => request.Test;
}

/** A second (third, ...) account with its own API client, as the superuser creates one. */
export interface TestAccount {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  /** A client-credentials token of that account's client. */
  token: string;
  api: Agent;
}

/** Unique enough within one test database: names are unique per account. */
const unique = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

/**
 * The real app on its own database, plus small factories in the style of immich's medium tests
 * (`ctx.newAccount()`, `ctx.newFacility()`): each goes through the route or core service the
 * product uses, so a factory never builds a row the server could not have built itself.
 */
export class TestContext {
  readonly db: DataSource;
  private readonly tokens: Record<string, string> = {};
  private defaultAccount?: string;

  constructor(
    readonly app: NestFastifyApplication,
    readonly env: Record<string, string>,
    private readonly dropDatabase: () => Promise<void>,
  ) {
    this.db = app.get(DataSource);
  }

  /**
   * A supertest request bound to the app's HTTP server. Every answer is checked against the committed
   * openapi/openapi.json when it arrives (see spec-hook.ts); `offSpec(req, reason)` exempts one request.
   */
  http(): ReturnType<typeof request> {
    return validatedAgainstSpec(request(this.app.getHttpServer()));
  }

  /** Token of the bootstrap API client of account "default". */
  async clientToken(): Promise<string> {
    this.tokens.client ??= await this.clientCredentials(TEST_CLIENT.id, TEST_CLIENT.secret);
    return this.tokens.client;
  }

  /** Token of the bootstrap superuser (session login). */
  async superToken(): Promise<string> {
    this.tokens.super ??= await this.login(TEST_ADMIN.username, TEST_ADMIN.password);
    return this.tokens.super;
  }

  /** Requests authenticated with `token`. */
  as(token: string): Agent {
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
    const withBody = (r: request.Test, body: unknown) => (body === undefined ? r : r.send(body as object));
    return {
      get: (url) => auth(this.http().get(url)),
      delete: (url) => auth(this.http().delete(url)),
      post: (url, body) => withBody(auth(this.http().post(url)), body),
      put: (url, body) => withBody(auth(this.http().put(url)), body),
      patch: (url, body) => withBody(auth(this.http().patch(url)), body),
    };
  }

  /** Session login of a user; its access token. */
  async login(username: string, password: string): Promise<string> {
    return (await this.http().post('/api/auth/session').send({ username, password }).expect(200)).body.access_token;
  }

  async clientCredentials(clientId: string, clientSecret: string): Promise<string> {
    const res = await this.http()
      .post('/oauth2/access_token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })
      .expect(200);
    return res.body.access_token;
  }

  async defaultAccountId(): Promise<string> {
    this.defaultAccount ??= ((await this.db.query(`SELECT id FROM account WHERE name = 'default'`)) as { id: string }[])[0].id;
    return this.defaultAccount;
  }

  /** Another account with one API client, created through the superuser admin routes. */
  async newAccount(name = unique('acct-')): Promise<TestAccount> {
    const su = this.as(await this.superToken());
    const account = (await su.post('/api/admin/accounts', { name }).expect(201)).body;
    const client = (await su.post(`/api/admin/accounts/${account.id}/clients`, { name: `${name}-client` }).expect(201)).body;
    const token = await this.clientCredentials(client.client_id, client.client_secret);
    return { id: account.id, name, clientId: client.client_id, clientSecret: client.client_secret, token, api: this.as(token) };
  }

  /** A core user (identifier = username unless given) of the default account or `accountId`. */
  async newUser(user: Partial<NewUser> & { accountId?: string } = {}) {
    const { accountId, ...data } = user;
    const username = data.username ?? unique('user');
    return this.app.get(UsersService).create(accountId ?? (await this.defaultAccountId()), { identifier: username, ...data, username });
  }

  /** A Kolibri facility, created by `token` (default: the default account's client). */
  async newFacility(opts: { name?: string; preset?: string; token?: string } = {}): Promise<{ id: string; name: string; dataset: { id: string } }> {
    const api = this.as(opts.token ?? (await this.clientToken()));
    const name = opts.name ?? unique('F');
    if (opts.preset) return (await api.post('/api/auth/facility/create_facility', { name, preset: opts.preset }).expect(200)).body;
    return (await api.post('/api/auth/facility', { name }).expect(201)).body;
  }

  /** A Kolibri classroom under `facilityId`. */
  async newClassroom(facilityId: string, opts: { name?: string; token?: string } = {}): Promise<{ id: string; name: string }> {
    const api = this.as(opts.token ?? (await this.clientToken()));
    return (await api.post('/api/auth/classroom', { name: opts.name ?? unique('C'), parent: facilityId }).expect(201)).body;
  }

  /** A Kolibri learner group under `classroomId`. */
  async newLearnerGroup(classroomId: string, opts: { name?: string; token?: string } = {}): Promise<{ id: string; name: string }> {
    const api = this.as(opts.token ?? (await this.clientToken()));
    return (await api.post('/api/auth/learnergroup', { name: opts.name ?? unique('G'), parent: classroomId }).expect(201)).body;
  }

  /** An Enabley channel (a core course) upserted through PUT /api/v1/channels. */
  async newChannel(body: Record<string, unknown> = {}, opts: { token?: string; status?: number } = {}) {
    const api = this.as(opts.token ?? (await this.clientToken()));
    const identifier = unique('ch-');
    return (await api.put('/api/v1/channels', { identifier, name: identifier, ...body }).expect(opts.status ?? 201)).body;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDatabase();
  }
}
