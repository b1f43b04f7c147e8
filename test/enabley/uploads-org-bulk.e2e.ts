import { ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

describe('Enabley uploads: organization bulk upload', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
    await env.a.put('/api/v2/users').send({ identifier: 'old', username: 'old', email: 'old@example.com' }).expect(201);
    await env.a.put('/api/v1/groups').send({ identifier: 'emea', name: 'EMEA' }).expect(201);
    await putChannel(env.a, { identifier: 'onboarding', name: 'Onboarding' });
    await env.a.post('/api/v1/channels/onboarding/groups/emea?recursive=true').expect(200);
  });
  afterAll(() => env.ctx.close());

  it('creates and updates users, creates group paths, maps users and enrolls them through assigned groups; bad rows fail alone', async () => {
    const csv = [
      'identifier,username,email,firstName,lastName,groupPath',
      'ann,ann,ann@example.com,Ann,Lee,emea/france/paris',
      '"bob","bob","bob@example.com","Bob, Jr.",Ray,emea/france',
      'old,,old-new@example.com,Olde,,',
      ',nobody,,,,',
      'bad,bad,not-an-email,,,',
      'dup,dup,ann@example.com,,,',
      'cyc,cyc,,,,france/emea',
    ].join('\r\n');
    const res = (await env.a.post('/api/v1/uploads/orgBulkUpload').send({ files: [{ fileName: 'org.csv', content: csv }, { fileName: 'more.csv', content: 'identifier,groupPath\neve,us\n' }] }).expect(200)).body;
    expect(res).toMatchObject({ created: 3, updated: 1, failed: 4 });
    expect(res.files[0].rows).toEqual([
      { row: 2, identifier: 'ann', status: 'created' },
      { row: 3, identifier: 'bob', status: 'created' },
      { row: 4, identifier: 'old', status: 'updated' },
      { row: 5, identifier: null, status: 'failed', message: expect.stringContaining('identifier') },
      { row: 6, identifier: 'bad', status: 'failed', message: expect.stringContaining('email') },
      { row: 7, identifier: 'dup', status: 'failed', message: expect.stringContaining('email') },
      { row: 8, identifier: 'cyc', status: 'failed', message: expect.stringContaining('not a child') },
    ]);
    expect(res.files[1]).toEqual({ fileName: 'more.csv', rows: [{ row: 2, identifier: 'eve', status: 'created' }] });
    const bob = (await env.a.get('/api/v2/users/bob').expect(200)).body;
    expect(bob).toMatchObject({ firstName: 'Bob, Jr.', lastName: 'Ray', email: 'bob@example.com' });
    expect((await env.a.get('/api/v2/users/old').expect(200)).body).toMatchObject({ email: 'old-new@example.com', firstName: 'Olde' });
    await env.a.get('/api/v2/users/dup').expect(404);
    await env.a.get('/api/v2/users/cyc').expect(404);
    expect((await env.a.get('/api/v1/groups/paris').expect(200)).body).toMatchObject({ parentIdentifier: 'france' });
    expect((await env.a.get('/api/v1/groups/france').expect(200)).body).toMatchObject({ parentIdentifier: 'emea' });
    expect((await env.a.get('/api/v1/users/ann/groups').expect(200)).body.map((g: { identifier: string }) => g.identifier)).toEqual(['paris']);
    // ann (emea/france/paris) and bob (emea/france) joined descendants of emea, assigned recursively.
    const learners = (await env.a.get('/api/v1/performance?externalChannelId=onboarding').expect(200)).body.map((p: { externalUserId: string }) => p.externalUserId);
    expect(learners).toEqual(['ann', 'bob']);
  });

  it('a malformed file or header is a 400 and writes nothing', async () => {
    for (const content of ['', 'name,email\nx,y', 'identifier,identifier\na,b', 'identifier\n"open']) {
      const res = await env.a.post('/api/v1/uploads/orgBulkUpload').send({ files: [{ fileName: 'x.csv', content: `identifier\nshould-not-exist\n` }, { fileName: 'bad.csv', content }] }).expect(400);
      expect(res.body.error).toBe('invalid_request');
    }
    await env.a.get('/api/v2/users/should-not-exist').expect(404);
    await env.a.post('/api/v1/uploads/orgBulkUpload').send({ files: [] }).expect(400);
    await env.a.post('/api/v1/uploads/orgBulkUpload').send({ files: [{ fileName: 'x.csv' }] }).expect(400);
    await env.a.post('/api/v1/uploads/orgBulkUpload').send({}).expect(400);
  });

  it('leaves the platform superuser alone: its identifier is taken, it is not an Enabley user to update', async () => {
    const [before] = await env.ctx.db.query(`SELECT email, username, updated_at FROM "user" WHERE identifier = 'root'`);
    const res = (await env.a.post('/api/v1/uploads/orgBulkUpload').send({ files: [{ fileName: 'x.csv', content: 'identifier,email,groupPath\nroot,taken@example.com,emea\n' }] }).expect(200)).body;
    expect(res).toMatchObject({ created: 0, updated: 0, failed: 1 });
    expect(res.files[0].rows).toEqual([{ row: 2, identifier: 'root', status: 'failed', message: expect.stringContaining('already exists') }]);
    expect((await env.ctx.db.query(`SELECT email, username, updated_at FROM "user" WHERE identifier = 'root'`))[0]).toEqual(before);
    const [{ n }] = await env.ctx.db.query(`SELECT count(*)::int AS n FROM enabley_group_member gm JOIN "user" u ON u.id = gm.user_id WHERE u.identifier = 'root'`);
    expect(n).toBe(0);
  });

  it('needs a token, and writes only into the caller account', async () => {
    await env.ctx.http().post('/api/v1/uploads/orgBulkUpload').send({ files: [{ fileName: 'x.csv', content: 'identifier\nx' }] }).expect(401);
    const other = (await env.ctx.newAccount()).api;
    const res = (await other.post('/api/v1/uploads/orgBulkUpload').send({ files: [{ fileName: 'x.csv', content: 'identifier,groupPath\nann,emea' }] }).expect(200)).body;
    expect(res).toMatchObject({ created: 1, failed: 0 });
    expect((await env.a.get('/api/v1/users/ann/groups').expect(200)).body.map((g: { identifier: string }) => g.identifier)).toEqual(['paris']);
  });
});
