import { TestContext } from '../support/test-app';

/** Small factories over the HTTP API, in the style of ctx.newFacility() / ctx.newClassroom(). */
export class Kolibri {
  constructor(
    readonly ctx: TestContext,
    private readonly token: () => Promise<string>,
  ) {}

  async as(token: string | Promise<string>) {
    const t = await token;
    const auth = { Authorization: `Bearer ${t}` };
    const http = this.ctx.http();
    return {
      get: (url: string) => this.ctx.http().get(url).set(auth),
      post: (url: string, body?: unknown) => this.ctx.http().post(url).set(auth).send(body as object),
      patch: (url: string, body?: unknown) => this.ctx.http().patch(url).set(auth).send(body as object),
      delete: (url: string) => this.ctx.http().delete(url).set(auth),
      http,
    };
  }

  async api() {
    return this.as(this.token());
  }

  async facility(name = `F${Math.random().toString(36).slice(2, 8)}`, preset?: string): Promise<{ id: string; dataset: { id: string } }> {
    const api = await this.api();
    if (preset) return (await api.post('/api/auth/facility/create_facility', { name, preset }).expect(200)).body;
    return (await api.post('/api/auth/facility', { name }).expect(201)).body;
  }

  async classroom(parent: string, name = `C${Math.random().toString(36).slice(2, 8)}`): Promise<{ id: string }> {
    const api = await this.api();
    return (await api.post('/api/auth/classroom', { name, parent }).expect(201)).body;
  }

  async group(parent: string, name = `G${Math.random().toString(36).slice(2, 8)}`): Promise<{ id: string }> {
    const api = await this.api();
    return (await api.post('/api/auth/learnergroup', { name, parent }).expect(201)).body;
  }

  async user(facility: string, username = `u${Math.random().toString(36).slice(2, 10)}`, password = 'password-123'): Promise<{ id: string; username: string; password: string }> {
    const api = await this.api();
    const res = await api.post('/api/auth/facilityuser', { username, password, facility, full_name: `Full ${username}` }).expect(201);
    return { id: res.body.id, username, password };
  }

  async member(user: string, collection: string): Promise<{ id: string }> {
    const api = await this.api();
    return (await api.post('/api/auth/membership', { user, collection }).expect(201)).body;
  }

  async role(user: string, collection: string, kind: string): Promise<{ id: string }> {
    const api = await this.api();
    return (await api.post('/api/auth/role', { user, collection, kind }).expect(201)).body;
  }

  async login(u: { username: string; password: string }): Promise<string> {
    return (await this.ctx.http().post('/api/auth/session').send({ username: u.username, password: u.password }).expect(200)).body.access_token;
  }
}
