import { TEST_CLIENT } from '../support/test-app';
import { ChannelsTestEnv, channelsEnv, putChannel } from './channels-support';

/**
 * The seed says every operation "Consumes application/json", so a client may send
 * that header on body-less calls (token, assignments, forceComplete, deletes); an empty body is no body.
 */
describe('Enabley: application/json with an empty body', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
    await env.a.put('/api/v2/users').send({ identifier: 'u1' }).expect(201);
    await env.a.put('/api/v1/groups').send({ identifier: 'g1', name: 'G' }).expect(201);
    await putChannel(env.a, { identifier: 'c1', name: 'C' });
  });
  afterAll(() => env.ctx.close());

  it('body-less calls with Content-Type: application/json succeed', async () => {
    const json = { 'Content-Type': 'application/json' };
    const tok = await env.ctx.http().post(`/api/v1/token?clientKey=${TEST_CLIENT.id}&secret=${TEST_CLIENT.secret}`).set(json).expect(200);
    expect(tok.body).toMatchObject({ token_type: 'bearer', access_token: expect.any(String), expires_in: expect.any(Number) });
    await env.a.post('/api/v1/groups/g1/users/u1').set(json).expect(200);
    await env.a.post('/api/v2/channels/c1/users/u1?roles=LEARNER').set(json).expect(200);
    await env.a.post('/api/v4/channels/forceComplete/channel/c1/user/u1').set(json).expect(200);
    await env.a.post('/api/v2/userProfiles/users/u1').set(json).expect(200);
    await env.a.delete('/api/v1/groups/g1/users/u1').set(json).expect(200);
    await env.a.delete('/api/v1/channels/c1/users/u1').set(json).expect(200);
  });

  it('a body route still needs its body, and invalid JSON is still 400 invalid_request', async () => {
    const empty = await env.a.put('/api/v2/users').set('Content-Type', 'application/json').expect(400);
    expect(empty.body).toEqual({ error: 'invalid_request', error_description: expect.stringContaining('identifier') });
    const bad = await env.a.put('/api/v2/users').set('Content-Type', 'application/json').send('{"identifier": ').expect(400);
    expect(bad.body.error).toBe('invalid_request');
    const proto = await env.a.put('/api/v2/users').set('Content-Type', 'application/json').send('{"identifier":"x","__proto__":{"a":1}}').expect(400);
    expect(proto.body.error).toBe('invalid_request');
  });
});

describe('Enabley: array query parameters', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
    await env.a.put('/api/v2/users').send({ identifier: 'u1' }).expect(201);
    await putChannel(env.a, { identifier: 'c1', name: 'C' });
  });
  afterAll(() => env.ctx.close());

  it('POST /api/v2/channels/{c}/users/{u}: roles repeated or comma-separated; unknown role 400', async () => {
    await env.a.post('/api/v2/channels/c1/users/u1?roles=LEARNER,INSTRUCTOR').expect(200);
    expect((await env.a.get('/api/v2/channels/channels/c1/members/count').expect(200)).body).toEqual({ learners: 1 });
    await env.a.post('/api/v2/channels/c1/users/u1?roles=LEARNER&roles=INSTRUCTOR').expect(200);
    const bad = await env.a.post('/api/v2/channels/c1/users/u1?roles=LEARNER,OWNER').expect(400);
    expect(bad.body.error).toBe('invalid_request');
  });
});

describe('Enabley: text PostgreSQL cannot store', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
  });
  afterAll(() => env.ctx.close());

  it('a NUL character in a body, path or query value answers 400 invalid_request, not 500', async () => {
    const checks = [
      env.a.put('/api/v2/users').send({ identifier: 'a\u0000b' }),
      env.a.put('/api/v1/groups').send({ identifier: 'g', name: 'x\u0000' }),
      env.a.put('/api/v1/channels').send({ identifier: 'c', name: 'x\u0000' }),
      env.a.put('/api/v2/userProfiles').send({ identifier: 'p', name: 'x\u0000' }),
      env.a.put('/api/v1/certificates').send({ externalCertificateId: 'k\u0000', name: 'K' }),
      env.a.get('/api/v2/users/a%00b'),
      env.a.get('/api/v2/users?emailSubstring=%00'),
    ];
    for (const res of await Promise.all(checks)) expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
  });
});

describe('Enabley: URLs the router refuses', () => {
  let env: ChannelsTestEnv;
  beforeAll(async () => {
    env = await channelsEnv();
  });
  afterAll(() => env.ctx.close());

  it('a malformed percent-encoding or an over-long identifier answers in ErrorResponse form', async () => {
    const bad = await env.a.get('/api/v2/users/%E0%A4%A').expect(400);
    expect(bad.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
    const long = await env.a.get(`/api/v2/users/${'x'.repeat(600)}`);
    expect(long.status).toBeGreaterThanOrEqual(400);
    expect(long.status).toBeLessThan(500);
    expect(long.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
  });
});
