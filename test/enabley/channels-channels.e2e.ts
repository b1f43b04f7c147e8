import { ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

describe('Enabley channels: channels, masters, instances, content, events', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
  });
  afterAll(() => env.ctx.close());

  it('GET /api/v1/channels answers [] for a brand-new account', async () => {
    const res = await env.a.get('/api/v1/channels').expect(200);
    expect(res.body).toEqual([]);
  });

  it('requires a token (401 in the Enabley error body)', async () => {
    const res = await env.ctx.http().get('/api/v1/channels').expect(401);
    expect(res.body).toEqual({ error: 'access_denied', error_description: expect.any(String) });
  });

  it('PUT /api/v1/channels creates (201) then updates (200)', async () => {
    const created = await putChannel(env.a, { identifier: 'course-v1:acme+safety+2026', name: 'Safety', subAccountName: 'emea', type: 'COURSE', status: 'ACTIVE', categories: ['hse'], duration: 90 });
    expect(created).toMatchObject({
      identifier: 'course-v1:acme+safety+2026',
      name: 'Safety',
      subAccountName: 'emea',
      type: 'COURSE',
      masterChannelInstance: false,
      masterChannelId: null,
      duration: 90,
      categories: ['hse'],
      availability: { status: 'ACTIVE', schedule: { startDate: null, endDate: null } },
    });
    expect(created.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(created.directLink).toContain('/channels/course-v1%3Aacme%2Bsafety%2B2026');
    const updated = await putChannel(env.a, { identifier: 'course-v1:acme+safety+2026', name: 'Safety 2', status: 'INACTIVE' }, 200);
    expect(updated).toMatchObject({ name: 'Safety 2', subAccountName: 'emea', availability: { status: 'NONACTIVE' } });
  });

  it('answers 400 invalid_request for bad input', async () => {
    for (const body of [
      { identifier: 'x1' }, // name missing on create
      { identifier: 'x1', name: 'X', type: 'VIDEO' },
      { identifier: 'x1', name: 'X', status: 'DRAFT' },
      { identifier: 'x1', name: 'X', unknown: 1 },
      { name: 'no identifier' },
      { identifier: 'x1', name: 'X', schedule: { startDate: 'yesterday' } },
      { identifier: 'x1', name: 'X', schedule: { startDate: '2026-02-01T00:00:00.000Z', endDate: '2026-01-01T00:00:00.000Z' } },
    ]) {
      const res = await env.a.put('/api/v1/channels').send(body).expect(400);
      expect(res.body.error).toBe('invalid_request');
      expect(typeof res.body.error_description).toBe('string');
    }
    await env.a.get('/api/v1/channels?includeCategories=maybe').expect(400);
    await env.a.get('/api/v1/channels?createdSince=not-a-date').expect(400);
  });

  it('lists with filters: subAccountName, createdSince, includeCategories; availability from the schedule', async () => {
    await putChannel(env.a, { identifier: 'stream-1', name: 'News', type: 'STREAM', subAccountName: 'us', categories: ['news'] });
    await putChannel(env.a, { identifier: 'sched-1', name: 'Later', schedule: { startDate: '2099-01-01T00:00:00.000Z', endDate: '2099-02-01T00:00:00.000Z' } });
    await putChannel(env.a, { identifier: 'past-1', name: 'Past', schedule: { startDate: '2001-01-01T00:00:00.000Z', endDate: '2002-01-01T00:00:00.000Z' } });
    await putChannel(env.a, { identifier: 'draft-1', name: 'Draft', published: false });
    const all = (await env.a.get('/api/v1/channels').expect(200)).body;
    expect(all.map((c: { identifier: string }) => c.identifier)).toEqual(['course-v1:acme+safety+2026', 'stream-1', 'sched-1', 'past-1', 'draft-1']);
    expect(all[0].categories).toBeNull();
    const byStatus = Object.fromEntries(all.map((c: { identifier: string; availability: { status: string } }) => [c.identifier, c.availability.status]));
    expect(byStatus).toMatchObject({ 'sched-1': 'SCHEDULED', 'past-1': 'FINISHED', 'draft-1': 'DRAFT' });
    const us = (await env.a.get('/api/v1/channels?subAccountName=us&includeCategories=true').expect(200)).body;
    expect(us).toEqual([expect.objectContaining({ identifier: 'stream-1', type: 'STREAM', categories: ['news'] })]);
    expect((await env.a.get('/api/v1/channels?createdSince=2999-01-01T00:00:00.000Z').expect(200)).body).toEqual([]);
    expect((await env.a.get(`/api/v1/channels?createdSince=${encodeURIComponent(all[4].created)}`).expect(200)).body).toHaveLength(1);
  });

  it('GET /api/v1/channels/{identifier}: 200, includeCategories, 404', async () => {
    const one = (await env.a.get('/api/v1/channels/stream-1?includeCategories=true').expect(200)).body;
    expect(one).toMatchObject({ identifier: 'stream-1', categories: ['news'] });
    const missing = await env.a.get('/api/v1/channels/nope').expect(404);
    expect(missing.body.error).toBe('not_found');
  });

  it('content items and training events: authoring, listing, bad input', async () => {
    await putChannel(env.a, { identifier: 'master-1', name: 'Master', isMaster: true, categories: ['m'], subAccountName: 'emea', duration: 30 });
    const items = (
      await env.a
        .put('/api/v1/channels/master-1/contentItems')
        .send({ items: [{ identifier: 'u1', name: 'Unit 1', scored: true }, { identifier: 'u2', name: 'Unit 2' }, { identifier: 'extra', name: 'Extra', optional: true }] })
        .expect(200)
    ).body.items;
    expect(items).toHaveLength(3);
    await env.a.put('/api/v1/channels/master-1/contentItems').send({ items: [] }).expect(400);
    await env.a.put('/api/v1/channels/master-1/contentItems').send({ items: [{ identifier: 'a', name: 'A' }, { identifier: 'a', name: 'B' }] }).expect(400);
    await env.a.put('/api/v1/channels/master-1/contentItems').send({ items: [{ identifier: 'a' }] }).expect(400);
    await env.a.put('/api/v1/channels/nope/contentItems').send({ items: [{ identifier: 'a', name: 'A' }] }).expect(404);

    const ev = await env.a
      .put('/api/v1/channels/master-1/courses/events')
      .send({ identifier: 'kickoff', name: 'Kick-off', fromDate: '2026-03-01T09:00:00.000Z', untilDate: '2026-03-01T11:00:00.000Z', location: 'Room 1', liveSession: true })
      .expect(201);
    expect(ev.body).toMatchObject({ identifier: 'kickoff', name: 'Kick-off', location: 'Room 1', liveSession: true, allDayEvent: false, isPublished: true, includeGrade: false });
    await env.a.put('/api/v1/channels/master-1/courses/events').send({ identifier: 'kickoff', location: 'Room 2' }).expect(200);
    await env.a.put('/api/v1/channels/master-1/courses/events').send({ identifier: 'u1', name: 'clash' }).expect(409);
    await env.a.put('/api/v1/channels/master-1/courses/events').send({ identifier: 'new-ev' }).expect(400);
    await env.a.put('/api/v1/channels/master-1/courses/events').send({ identifier: 'e', name: 'E', fromDate: 'soon' }).expect(400);
    const events = (await env.a.get('/api/v1/channels/master-1/courses/events').expect(200)).body;
    expect(events).toEqual([
      {
        allDayEvent: false,
        description: null,
        fromDate: '2026-03-01T09:00:00.000Z',
        identifier: 'kickoff',
        includeGrade: false,
        isPublished: true,
        liveSession: true,
        location: 'Room 2',
        name: 'Kick-off',
        untilDate: '2026-03-01T11:00:00.000Z',
      },
    ]);
    const listed = (await env.a.get('/api/v1/channels/master-1/contentItems').expect(200)).body.items;
    expect(listed.map((i: { identifier: string }) => i.identifier).sort()).toEqual(['extra', 'kickoff', 'u1', 'u2']);
    await env.a.get('/api/v1/channels/nope/courses/events').expect(404);
  });

  it('concurrent first PUTs of one training event all succeed: one creates, the others update', async () => {
    await putChannel(env.a, { identifier: 'race-1', name: 'Race' });
    const N = 20;
    for (const ev of ['race-a', 'race-b', 'race-c']) {
      const put = (i: number) => env.a.put('/api/v1/channels/race-1/courses/events').send({ identifier: ev, name: `Race ${i}`, location: `Room ${i}` });
      const answers = await Promise.all(Array.from({ length: N }, async (_, i) => (await put(i)).status));
      expect(answers.sort()).toEqual([...Array(N - 1).fill(200), 201]);
    }
    const events = (await env.a.get('/api/v1/channels/race-1/courses/events').expect(200)).body;
    expect(events.map((e: { identifier: string }) => e.identifier).sort()).toEqual(['race-a', 'race-b', 'race-c']);
    expect((await env.a.get('/api/v1/channels/race-1/contentItems').expect(200)).body.items).toHaveLength(3);
  });

  it('masters: v2 list with onlyPublished and subAccountName; masters are not in the channel list', async () => {
    await putChannel(env.a, { identifier: 'master-2', name: 'Master draft', isMaster: true, published: false });
    const masters = (await env.a.get('/api/v2/channels/channels/masters').expect(200)).body;
    expect(masters).toEqual([
      { categories: ['m'], created: expect.any(String), identifier: 'master-1', name: 'Master', published: true, subAccountName: 'emea' },
      { categories: [], created: expect.any(String), identifier: 'master-2', name: 'Master draft', published: false, subAccountName: null },
    ]);
    expect((await env.a.get('/api/v2/channels/channels/masters?onlyPublished=true').expect(200)).body).toHaveLength(1);
    expect((await env.a.get('/api/v2/channels/channels/masters?subAccountName=emea').expect(200)).body).toHaveLength(1);
    await env.a.get('/api/v2/channels/channels/masters?onlyPublished=yes').expect(400);
    const ids = (await env.a.get('/api/v1/channels').expect(200)).body.map((c: { identifier: string }) => c.identifier);
    expect(ids).not.toContain('master-1');
  });

  it('PUT /api/v2/channels/master/instance copies content items, events and categories', async () => {
    const inst = (await env.a.put('/api/v2/channels/master/instance').send({ identifier: 'inst-1', masterCourseIdentifier: 'master-1', name: 'Instance 1' }).expect(200)).body;
    expect(inst).toMatchObject({ identifier: 'inst-1', name: 'Instance 1', masterChannelInstance: true, masterChannelId: 'master-1', subAccountName: 'emea', categories: ['m'], duration: 30, type: 'COURSE' });
    const items = (await env.a.get('/api/v1/channels/inst-1/contentItems').expect(200)).body.items;
    expect(items.map((i: { identifier: string; optional: boolean; trainingEvent: boolean }) => [i.identifier, i.optional, i.trainingEvent]).sort()).toEqual([
      ['extra', true, false],
      ['kickoff', false, true],
      ['u1', false, false],
      ['u2', false, false],
    ]);
    const events = (await env.a.get('/api/v1/channels/inst-1/courses/events').expect(200)).body;
    expect(events).toEqual([expect.objectContaining({ identifier: 'kickoff', location: 'Room 2' })]);
    expect((await env.a.get('/api/v1/channels/inst-1').expect(200)).body.masterChannelInstance).toBe(true);
    // Defaults: the master's name; errors
    const inst2 = (await env.a.put('/api/v2/channels/master/instance').send({ identifier: 'inst-2', masterCourseIdentifier: 'master-1', subAccountName: 'us' }).expect(200)).body;
    expect(inst2).toMatchObject({ name: 'Master', subAccountName: 'us' });
    expect((await env.a.put('/api/v2/channels/master/instance').send({ identifier: 'inst-1', masterCourseIdentifier: 'master-1' }).expect(409)).body.error).toBe('item_exists');
    expect((await env.a.put('/api/v2/channels/master/instance').send({ identifier: 'inst-3', masterCourseIdentifier: 'nope' }).expect(404)).body.error).toBe('item_not_exists');
    await env.a.put('/api/v2/channels/master/instance').send({ identifier: 'inst-3', masterCourseIdentifier: 'stream-1' }).expect(400);
    await env.a.put('/api/v2/channels/master/instance').send({ identifier: 'inst-3' }).expect(400);
  });

  it('members count', async () => {
    expect((await env.a.get('/api/v2/channels/channels/inst-1/members/count').expect(200)).body).toEqual({ learners: 0 });
    const u = await env.newUser('counted');
    await env.a.post(`/api/v2/channels/inst-1/users/${u.identifier}`).expect(200);
    expect((await env.a.get('/api/v2/channels/channels/inst-1/members/count').expect(200)).body).toEqual({ learners: 1 });
    await env.a.get('/api/v2/channels/channels/nope/members/count').expect(404);
  });

  it("another account's channels answer 404 and are not listed", async () => {
    const other = (await env.ctx.newAccount()).api;
    expect((await other.get('/api/v1/channels').expect(200)).body).toEqual([]);
    expect((await other.get('/api/v1/channels/inst-1').expect(404)).body.error).toBe('not_found');
    await other.get('/api/v1/channels/inst-1/courses/events').expect(404);
    await other.put('/api/v1/channels/inst-1/courses/events').send({ identifier: 'x', name: 'x' }).expect(404);
    await other.get('/api/v2/channels/channels/inst-1/members/count').expect(404);
    await other.post('/api/v2/channels/inst-1/users/counted').expect(404);
    await other.delete('/api/v1/channels/inst-1/users/counted').expect(404);
    await other.post('/api/v4/channels/forceComplete/channel/inst-1/user/counted').expect(404);
    await other.put('/api/v2/channels/master/instance').send({ identifier: 'steal', masterCourseIdentifier: 'master-1' }).expect(404);
    // The same identifier is free in the other account.
    await putChannel(other, { identifier: 'inst-1', name: 'Mine' });
    expect((await env.a.get('/api/v1/channels/inst-1').expect(200)).body.name).toBe('Instance 1');
  });
});
