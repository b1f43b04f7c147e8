import { TestContext } from '../support/test-app';

/** The test kit's Kolibri factories bound to one creating token, plus users, memberships and roles. */
export class Kolibri {
  constructor(
    readonly ctx: TestContext,
    private readonly token: () => Promise<string>,
  ) {}

  /** Requests authenticated with `token` (a promise is awaited, so `k.as(k.login(u))` reads in one step). */
  async as(token: string | Promise<string>) {
    return this.ctx.as(await token);
  }

  async api() {
    return this.as(this.token());
  }

  async facility(name?: string, preset?: string): Promise<{ id: string; dataset: { id: string } }> {
    return this.ctx.newFacility({ name, preset, token: await this.token() });
  }

  async classroom(parent: string, name?: string): Promise<{ id: string }> {
    return this.ctx.newClassroom(parent, { name, token: await this.token() });
  }

  async group(parent: string, name?: string): Promise<{ id: string }> {
    return this.ctx.newLearnerGroup(parent, { name, token: await this.token() });
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

  login(u: { username: string; password: string }): Promise<string> {
    return this.ctx.login(u.username, u.password);
  }
}
