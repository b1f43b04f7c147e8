import { Api, ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

describe('Enabley channels: membership (users, groups, late joiners), progress, forceComplete, roles', () => {
  let env: ChannelsTestEnv;
  let a: Api;
  const learners = async (c: string) => (await a.get(`/api/v2/channels/channels/${c}/members/count`).expect(200)).body.learners;
  const enrolled = async (c: string) =>
    (
      await env.ctx.db.query(
        `SELECT u.identifier FROM enrollment e JOIN "user" u ON u.id = e.user_id JOIN channel c ON c.id = e.channel_id WHERE c.identifier = $1 AND e.is_active ORDER BY 1`,
        [c],
      )
    ).map((r: { identifier: string }) => r.identifier);

  beforeAll(async () => {
    env = await channelsEnv();
    a = env.a;
    for (const id of ['ann', 'bob', 'cat', 'dan', 'eve', 'fay']) await a.put('/api/v2/users').send({ identifier: id, username: id, email: `${id}@example.com`, password: `${id}-password-1` }).expect(201);
    await putChannel(a, { identifier: 'c1', name: 'Course 1' });
    await putChannel(a, { identifier: 'c2', name: 'Course 2' });
    await putChannel(a, { identifier: 'c3', name: 'Course 3' });
    await a.put('/api/v1/channels/c1/contentItems').send({ items: [{ identifier: 'i1', name: 'I1', scored: true }, { identifier: 'i2', name: 'I2', scored: true }, { identifier: 'opt', name: 'Opt', optional: true }] }).expect(200);
    await a.put('/api/v1/channels/c1/courses/events').send({ identifier: 'ev', name: 'Event' }).expect(201);
  });
  afterAll(() => env.ctx.close());

  it('POST /api/v2/channels/{c}/users/{u}: LEARNER by default, INSTRUCTOR, bad input and unknowns', async () => {
    await a.post('/api/v2/channels/c1/users/ann').expect(200);
    await a.post('/api/v2/channels/c1/users/ann?roles=LEARNER').expect(200);
    await a.post('/api/v2/channels/c1/users/bob?roles=LEARNER&roles=INSTRUCTOR').expect(200);
    await a.post('/api/v2/channels/c2/users/cat?roles=INSTRUCTOR').expect(200);
    expect(await learners('c1')).toBe(2);
    expect(await learners('c2')).toBe(0);
    expect((await a.post('/api/v2/channels/c1/users/ann?roles=OWNER').expect(400)).body.error).toBe('invalid_request');
    expect((await a.post('/api/v2/channels/c1/users/ghost').expect(404)).body.error).toBe('item_not_exists');
    // The platform superuser (root, in this account) is not an Enabley user.
    expect((await a.post('/api/v2/channels/c1/users/root').expect(404)).body.error).toBe('item_not_exists');
    expect((await a.post('/api/v2/channels/nope/users/ann').expect(404)).body.error).toBe('not_found');
  });

  it('records progress on content items: progress over non-optional items, score over scored ones', async () => {
    let perf = (await a.put('/api/v1/channels/c1/contentItems/i1/users/ann/progress').send({ completed: true, score: 80, timeSpent: 120 }).expect(200)).body;
    // 3 non-optional items (i1, i2, ev): 1 done.
    expect(perf).toEqual({ channelName: 'Course 1', completionDate: null, externalChannelId: 'c1', externalUserId: 'ann', progress: 33, score: 80 });
    perf = (await a.put('/api/v1/channels/c1/contentItems/opt/users/ann/progress').send({ completed: true }).expect(200)).body;
    expect(perf.progress).toBe(33);
    perf = (await a.put('/api/v1/channels/c1/contentItems/i2/users/ann/progress').send({ completed: true, score: 60 }).expect(200)).body;
    expect(perf).toMatchObject({ progress: 66, score: 70 });
    perf = (await a.put('/api/v1/channels/c1/contentItems/ev/users/ann/progress').send({ completed: true }).expect(200)).body;
    expect(perf.progress).toBe(100);
    expect(perf.completionDate).toMatch(/Z$/);
    await a.put('/api/v1/channels/c1/contentItems/i1/users/ann/progress').send({ score: 101 }).expect(400);
    await a.put('/api/v1/channels/c1/contentItems/i1/users/ann/progress').send({ completed: 'yes' }).expect(400);
    await a.put('/api/v1/channels/c1/contentItems/ghost/users/ann/progress').send({ completed: true }).expect(404);
    expect((await a.put('/api/v1/channels/c1/contentItems/i1/users/dan/progress').send({ completed: true }).expect(404)).body.error).toBe('item_not_exists');
  });

  it('forceComplete marks every non-optional item complete: progress 100 and a completion date', async () => {
    const perf = (await a.post('/api/v4/channels/forceComplete/channel/c1/user/bob').expect(200)).body;
    expect(perf).toMatchObject({ externalChannelId: 'c1', externalUserId: 'bob', progress: 100 });
    expect(perf.completionDate).toMatch(/Z$/);
    const rows = await env.ctx.db.query(
      `SELECT ci.identifier, cp.completed FROM content_progress cp JOIN content_item ci ON ci.id = cp.content_item_id JOIN "user" u ON u.id = cp.user_id WHERE u.identifier = 'bob' ORDER BY 1`,
    );
    expect(rows).toEqual([
      { identifier: 'ev', completed: true },
      { identifier: 'i1', completed: true },
      { identifier: 'i2', completed: true },
    ]);
    // A channel without items, too.
    await a.post('/api/v2/channels/c3/users/bob').expect(200);
    expect((await a.post('/api/v4/channels/forceComplete/channel/c3/user/bob').expect(200)).body.progress).toBe(100);
    expect((await a.post('/api/v4/channels/forceComplete/channel/c1/user/dan').expect(404)).body.error).toBe('item_not_exists');
    expect((await a.post('/api/v4/channels/forceComplete/channel/c1/user/ghost').expect(404)).body.error).toBe('item_not_exists');
    await a.post('/api/v4/channels/forceComplete/channel/nope/user/bob').expect(404);
  });

  it('adding a required item lowers progress of learners; DELETE /api/v1/channels/{c}/users/{u} removes the learner', async () => {
    await a.put('/api/v1/channels/c1/contentItems').send({ items: [{ identifier: 'i3', name: 'I3' }] }).expect(200);
    const perf = (await a.get('/api/v1/performance?externalChannelId=c1&externalUserId=ann').expect(200)).body;
    expect(perf[0].progress).toBe(75);
    expect(perf[0].completionDate).toBeNull();
    await a.delete('/api/v1/channels/c1/users/ann').expect(200);
    expect(await learners('c1')).toBe(1);
    expect((await a.delete('/api/v1/channels/c1/users/ghost').expect(404)).body.error).toBe('item_not_exists');
    await a.post('/api/v2/channels/c1/users/ann').expect(200);
    expect((await a.get('/api/v1/performance?externalChannelId=c1&externalUserId=ann').expect(200)).body[0].progress).toBe(75);
  });

  it('an INSTRUCTOR gets basic course permissions on their channel only', async () => {
    const cat = env.ctx.as(await env.ctx.login('cat', 'cat-password-1'));
    await cat.get('/api/v1/channels/c2').expect(200);
    await cat.get('/api/v1/channels/c2/courses/events').expect(200);
    await cat.put('/api/v1/channels/c2/courses/events').send({ identifier: 'lab', name: 'Lab' }).expect(201);
    await cat.put('/api/v1/channels/c2/contentItems').send({ items: [{ identifier: 'x', name: 'X' }] }).expect(200);
    await a.post('/api/v2/channels/c2/users/dan').expect(200);
    await cat.put('/api/v1/channels/c2/contentItems/x/users/dan/progress').send({ completed: true }).expect(200);
    await cat.post('/api/v4/channels/forceComplete/channel/c2/user/dan').expect(200);
    await cat.get('/api/v2/channels/channels/c2/members/count').expect(200);
    // Not membership, not account lists, not other channels.
    await cat.post('/api/v2/channels/c2/users/eve').expect(403);
    await cat.delete('/api/v1/channels/c2/users/dan').expect(403);
    await cat.get('/api/v1/channels').expect(403);
    await cat.put('/api/v1/channels').send({ identifier: 'mine', name: 'Mine' }).expect(403);
    await cat.get('/api/v1/channels/c1').expect(404);
    // A learner has no channel rights at all.
    const dan = env.ctx.as(await env.ctx.login('dan', 'dan-password-1'));
    await dan.get('/api/v1/channels/c2').expect(404);
    await dan.post('/api/v4/channels/forceComplete/channel/c2/user/dan').expect(404);
  });

  it('COURSE entitlements: INSTRUCTOR reads and updates, MANAGER also manages membership; the course must exist', async () => {
    await a.post('/api/v2/users/entitlements').send({ userIdentifier: 'eve', entityType: 'COURSE', entityIdentifier: 'c3', userRole: 'INSTRUCTOR' }).expect(200);
    await a.post('/api/v2/users/entitlements').send({ userIdentifier: 'fay', entityType: 'COURSE', entityIdentifier: 'c3', userRole: 'MANAGER' }).expect(200);
    await a.post('/api/v2/users/entitlements').send({ userIdentifier: 'fay', entityType: 'COURSE', entityIdentifier: 'ghost-course', userRole: 'MANAGER' }).expect(404);
    const eve = env.ctx.as(await env.ctx.login('eve', 'eve-password-1'));
    await eve.put('/api/v1/channels/c3/courses/events').send({ identifier: 'e', name: 'E' }).expect(201);
    await eve.post('/api/v2/channels/c3/users/dan').expect(403);
    const fay = env.ctx.as(await env.ctx.login('fay', 'fay-password-1'));
    await fay.post('/api/v2/channels/c3/users/dan').expect(200);
    await fay.delete('/api/v1/channels/c3/users/dan').expect(200);
    await fay.post('/api/v2/channels/c1/users/dan').expect(404);
  });

  it('WORKSPACE entitlements cover the channels of that sub-account (created on first use by the channel)', async () => {
    await putChannel(a, { identifier: 'ws-course', name: 'WS', subAccountName: 'team-ws' });
    await a.post('/api/v2/users/entitlements').send({ userIdentifier: 'eve', entityType: 'WORKSPACE', entityIdentifier: 'team-ws', userRole: 'MANAGER' }).expect(200);
    const eve = env.ctx.as(await env.ctx.login('eve', 'eve-password-1'));
    await eve.get('/api/v1/channels/ws-course').expect(200);
    await eve.post('/api/v2/channels/ws-course/users/dan').expect(200);
    await eve.post('/api/v2/channels/c1/users/dan').expect(404);
  });

  describe('groups', () => {
    beforeAll(async () => {
      await a.put('/api/v1/groups').send({ identifier: 'root', name: 'Root' }).expect(201);
      await a.put('/api/v1/groups').send({ identifier: 'mid', name: 'Mid', parentIdentifier: 'root' }).expect(201);
      await a.put('/api/v1/groups').send({ identifier: 'leaf', name: 'Leaf', parentIdentifier: 'mid' }).expect(201);
      await a.put('/api/v1/groups').send({ identifier: 'other', name: 'Other' }).expect(201);
      await a.post('/api/v1/groups/root/users/ann').expect(200);
      await a.post('/api/v1/groups/mid/users/bob').expect(200);
      await a.post('/api/v1/groups/leaf/users/cat').expect(200);
      await a.post('/api/v1/groups/other/users/dan').expect(200);
      for (const c of ['g1', 'g2', 'g3']) await putChannel(a, { identifier: c, name: c });
    });

    it('non-recursive assignment enrolls the group only; recursive enrolls the subtree', async () => {
      await a.post('/api/v1/channels/g1/groups/root?userRole=LEARNER').expect(200);
      expect(await enrolled('g1')).toEqual(['ann']);
      await a.post('/api/v1/channels/g2/groups/root?recursive=true&userRole=LEARNER').expect(200);
      expect(await enrolled('g2')).toEqual(['ann', 'bob', 'cat']);
      await a.post('/api/v1/channels/g3/groups/mid?recursive=false').expect(200);
      expect(await enrolled('g3')).toEqual(['bob']);
      const [src] = await env.ctx.db.query(`SELECT e.source FROM enrollment e JOIN channel c ON c.id = e.channel_id WHERE c.identifier = 'g2' LIMIT 1`);
      expect(src.source).toBe('group');
    });

    it('users who join later are enrolled: in the group, or a descendant when recursive', async () => {
      await a.post('/api/v1/groups/leaf/users/eve').expect(200);
      expect(await enrolled('g2')).toEqual(['ann', 'bob', 'cat', 'eve']);
      expect(await enrolled('g3')).toEqual(['bob']); // g3 is assigned to mid without recursion
      expect(await enrolled('g1')).toEqual(['ann']);
      await a.post('/api/v1/groups/mid/users/fay').expect(200);
      expect(await enrolled('g3')).toEqual(['bob', 'fay']);
    });

    it('a group moved under a recursively assigned group brings its subtree users in', async () => {
      await a.put('/api/v1/groups').send({ identifier: 'mover', name: 'Mover' }).expect(201);
      await a.put('/api/v1/groups').send({ identifier: 'mover-kid', name: 'Kid', parentIdentifier: 'mover' }).expect(201);
      await a.put('/api/v2/users').send({ identifier: 'gus', username: 'gus' }).expect(201);
      await a.post('/api/v1/groups/mover-kid/users/gus').expect(200);
      expect(await enrolled('g2')).not.toContain('gus');
      await a.put('/api/v1/groups').send({ identifier: 'mover', parentIdentifier: 'leaf' }).expect(200);
      expect(await enrolled('g2')).toContain('gus'); // g2: root, recursive
      expect(await enrolled('g1')).not.toContain('gus'); // g1: root only
      expect(await enrolled('g3')).not.toContain('gus'); // g3: mid, not recursive
    });

    it('DELETE removes the group-sourced learners no other assignment covers; direct learners stay', async () => {
      await a.post('/api/v2/channels/g2/users/cat').expect(200); // cat: already a learner through the group
      await a.post('/api/v1/channels/g2/groups/leaf').expect(200); // leaf (cat, eve) assigned on its own too
      await a.delete('/api/v1/channels/g2/groups/root').expect(200);
      expect(await enrolled('g2')).toEqual(['cat', 'eve']); // gus (leaf/mover/mover-kid) is not covered by leaf's own, non-recursive assignment
      await a.delete('/api/v1/channels/g2/groups/leaf').expect(200);
      expect(await enrolled('g2')).toEqual([]);
      await a.post('/api/v2/channels/g2/users/cat').expect(200);
      expect(await enrolled('g2')).toEqual(['cat']);
    });

    it('answers 400 for bad flags and 404 for unknown or unassigned groups and for other accounts', async () => {
      await a.post('/api/v1/channels/g1/groups/root?recursive=maybe').expect(400);
      await a.post('/api/v1/channels/g1/groups/root?userRole=INSTRUCTOR').expect(400);
      expect((await a.post('/api/v1/channels/g1/groups/ghost').expect(404)).body.error).toBe('not_found');
      await a.post('/api/v1/channels/ghost/groups/root').expect(404);
      await a.delete('/api/v1/channels/g1/groups/other').expect(404);
      await a.delete('/api/v1/channels/g1/groups/ghost').expect(404);
      const other = (await env.ctx.newAccount()).api;
      await other.post('/api/v1/channels/g1/groups/root').expect(404);
      await other.delete('/api/v1/channels/g1/groups/root').expect(404);
      await putChannel(other, { identifier: 'g1', name: 'theirs' });
      await other.post('/api/v1/channels/g1/groups/root').expect(404); // our group is not theirs
    });
  });
});
