import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';

/**
 * Issue 16: a member taken out of a group loses the enrollments only that group's assignments gave (ended,
 * progress kept); a direct enrollment, or one another assigned group still gives, stays. Enabley's
 * DELETE /api/v1/groups/{g}/users/{u} and its replace mapping go through the core's GroupMembersService.
 */
describe('Group member removal ends the enrollments only that group gave', () => {
  let ctx: TestContext;
  let a: Agent;
  const active = async (username: string, channel: string): Promise<boolean | null> => {
    const found = await ctx.db.query(
      `SELECT e.is_active FROM enrollment e JOIN "user" u ON u.id = e.user_id JOIN channel c ON c.id = e.channel_id WHERE u.username = $1 AND c.identifier = $2`,
      [username, channel],
    );
    return found[0]?.is_active ?? null;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    a = ctx.as(await ctx.clientToken());
    for (const id of ['rm-ann', 'rm-bob', 'rm-cat']) await a.put('/api/v2/users', { identifier: id, username: id }).expect(201);
    for (const id of ['parent', 'child', 'other']) await a.put('/api/v1/groups', { identifier: id, name: id, ...(id === 'child' ? { parentIdentifier: 'parent' } : {}) }).expect(201);
    for (const id of ['c-group', 'c-both', 'c-direct', 'c-tree']) await a.put('/api/v1/channels', { identifier: id, name: id }).expect(201);
    await a.post('/api/v1/channels/c-group/groups/child').expect(200);
    await a.post('/api/v1/channels/c-both/groups/child').expect(200);
    await a.post('/api/v1/channels/c-both/groups/other').expect(200);
    await a.post('/api/v1/channels/c-direct/groups/child').expect(200);
    await a.post('/api/v1/channels/c-tree/groups/parent?recursive=true').expect(200);
  });
  afterAll(() => ctx.close());

  it('DELETE /api/v1/groups/{g}/users/{u}: only-this-group enrollments end, others stay, progress is kept', async () => {
    await a.post('/api/v2/channels/c-direct/users/rm-ann').expect((r) => expect(r.status).toBeLessThan(300));
    await a.post('/api/v1/groups/child/users/rm-ann').expect(200);
    await a.post('/api/v1/groups/other/users/rm-ann').expect(200);
    for (const c of ['c-group', 'c-both', 'c-direct', 'c-tree']) expect(await active('rm-ann', c)).toBe(true);
    await ctx.db.query(`UPDATE enrollment SET progress = 40 WHERE user_id = (SELECT id FROM "user" WHERE username = 'rm-ann')`);
    await a.delete('/api/v1/groups/child/users/rm-ann').expect(200);
    expect(await active('rm-ann', 'c-group')).toBe(false);
    expect(await active('rm-ann', 'c-tree')).toBe(false);
    expect(await active('rm-ann', 'c-both')).toBe(true);
    expect(await active('rm-ann', 'c-direct')).toBe(true);
    const [{ progress }] = await ctx.db.query(
      `SELECT e.progress FROM enrollment e JOIN channel c ON c.id = e.channel_id WHERE c.identifier = 'c-group' AND e.user_id = (SELECT id FROM "user" WHERE username = 'rm-ann')`,
    );
    expect(Number(progress)).toBe(40);
  });

  it('a member of a descendant keeps a recursive assignment\'s enrollment while still in the subtree', async () => {
    await a.post('/api/v1/groups/child/users/rm-bob').expect(200);
    await a.post('/api/v1/groups/parent/users/rm-bob').expect(200);
    await a.delete('/api/v1/groups/parent/users/rm-bob').expect(200);
    expect(await active('rm-bob', 'c-tree')).toBe(true);
    await a.delete('/api/v1/groups/child/users/rm-bob').expect(200);
    expect(await active('rm-bob', 'c-tree')).toBe(false);
  });

  it('a replace mapping that takes the user out of other groups ends their enrollments the same way', async () => {
    await a.post('/api/v1/groups/child/users/rm-cat').expect(200);
    expect(await active('rm-cat', 'c-group')).toBe(true);
    await a.post('/api/v1/groups/other/users/rm-cat?replace=true').expect(200);
    expect(await active('rm-cat', 'c-group')).toBe(false);
    expect(await active('rm-cat', 'c-both')).toBe(true);
  });
});
