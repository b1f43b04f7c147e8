import { Logger } from '@nestjs/common';
import { TestContext, createTestApp } from '../support/test-app';
import { Dialect, dialectOf, errorShapeProblem } from './error-shapes';
import { Case, casesOf, oddCasesOf } from './bad-input-cases';
import { OpenApiDoc, Operation, SchemaReader, operationsOf, pool } from './openapi-walk';

/**
 * CONTRACT section 6: every operation of the live OpenAPI document, fed systematic bad input
 * (malformed path values, wrong query types, wrong body types, unknown fields, malformed JSON,
 * the wrong content type), never answers 5xx, and every 4xx has the dialect's error body.
 */

interface Finding {
  route: string;
  label: string;
  status: number;
  problem: string;
  body: string;
}

/** Real objects of the account, so bad bodies reach past the 404 of a missing path object. */
interface Fixtures {
  facility: string;
  dataset: string;
  classroom: string;
  group: string;
  kolibriUser: string;
  user: { id: string; userId: string; identifier: string; username: string; email: string };
  channel: string;
  enGroup: string;
  profile: string;
  organization: string;
}

async function createFixtures(ctx: TestContext, token: string): Promise<Fixtures> {
  const call = (method: 'post' | 'put', url: string, body: object, status: number) =>
    ctx.http()[method](url).set('Authorization', `Bearer ${token}`).send(body).expect(status).then((r) => r.body);
  const facility = await call('post', '/api/auth/facility', { name: 'Fuzz facility' }, 201);
  const classroom = await call('post', '/api/auth/classroom', { name: 'Fuzz class', parent: facility.id }, 201);
  const group = await call('post', '/api/auth/learnergroup', { name: 'Fuzz group', parent: classroom.id }, 201);
  const kolibriUser = await call('post', '/api/auth/facilityuser', { username: 'fuzz-kolibri', password: 'fuzz-password-1', facility: facility.id }, 201);
  await call('put', '/api/v2/users', { identifier: 'fuzz-user', username: 'fuzz-user', email: 'fuzz-user@example.com' }, 201);
  const rows: { id: string; user_id: string }[] = await ctx.db.query(`SELECT id, user_id::text FROM "user" WHERE username = 'fuzz-user'`);
  await call('put', '/api/v1/channels', { identifier: 'course-v1:fuzz+c+r', name: 'Fuzz course' }, 201);
  await call('put', '/api/v1/groups', { identifier: 'fuzz-group', name: 'Fuzz group' }, 201);
  await call('put', '/api/v2/userProfiles', { identifier: 'fuzz-profile', name: 'Fuzz profile' }, 201);
  await call('post', '/organizations', { code: 'fuzzorg', name: 'Fuzz org' }, 200);
  return {
    facility: facility.id,
    dataset: facility.dataset.id,
    classroom: classroom.id,
    group: group.id,
    kolibriUser: kolibriUser.id,
    user: { id: rows[0].id, userId: rows[0].user_id, identifier: 'fuzz-user', username: 'fuzz-user', email: 'fuzz-user@example.com' },
    channel: 'course-v1:fuzz+c+r',
    enGroup: 'fuzz-group',
    profile: 'fuzz-profile',
    organization: 'fuzzorg',
  };
}

/** Real values for an operation's parameters; none for DELETE, which would remove the fixtures. */
function knownValues(op: Operation, f: Fixtures): (name: string) => string | undefined {
  if (op.method === 'delete') return () => undefined;
  const p = op.path;
  // Which dialect's fixtures fit, from the server's own registry (the one that picks the error body).
  const dialect = dialectOf(p.replace(/\{[^}]+\}/g, 'x'));
  const kolibriIds: Record<string, string> = { facility: f.facility, facilitydataset: f.dataset, classroom: f.classroom, learnergroup: f.group, facilityuser: f.kolibriUser };
  return (name) => {
    if (dialect === 'kolibri') {
      if (name === 'id') return kolibriIds[p.split('/')[3]];
      return { facility: f.facility, facility_id: f.facility, parent: f.facility, user: f.kolibriUser, collection: f.classroom, member_of: f.classroom }[name];
    }
    if (dialect === 'enabley') {
      if (name === 'identifier') return p.includes('/groups/') ? f.enGroup : p.includes('/channels/') ? f.channel : f.user.identifier;
      return { userIdentifier: f.user.identifier, externalUserId: f.user.identifier, channelIdentifier: f.channel, externalChannelId: f.channel, groupIdentifier: f.enGroup, profileIdentifier: f.profile }[name];
    }
    if (dialect === 'organizations') return { organization: f.organization, user: f.user.id }[name];
    if (dialect === 'scim') return p.startsWith('/scim/v2/Users/') ? { id: f.user.id }[name] : undefined;
    return { user_id: f.user.userId, username: f.user.username, email: f.user.email, course_id: f.channel }[name];
  };
}

const DIALECTS: Dialect[] = ['kolibri', 'organizations', 'enabley', 'triboo', 'oauth2', 'platform', 'scim'];
describe('bad input on every route (CONTRACT section 6)', () => {
  let ctx: TestContext;
  let token: string;
  let ops: Operation[];
  let reader: SchemaReader;
  let fixtures: Fixtures;
  const unexpected: unknown[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    const doc = (await ctx.http().get('/docs-json').set('Authorization', `Bearer ${token}`).expect(200)).body as OpenApiDoc;
    ops = operationsOf(doc);
    reader = new SchemaReader(doc);
    fixtures = await createFixtures(ctx, token);
    // The server logs what it answers with a 500; keep it to explain a finding.
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void unexpected.push(args));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await ctx.close();
  });

  async function send(c: Case): Promise<Finding | null> {
    let req = ctx.http()[c.op.method](c.url).set('Authorization', `Bearer ${token}`).timeout(10_000);
    if (c.raw !== undefined) req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw);
    else if (c.body !== undefined) req = req.send(c.body as object);
    let res;
    const started = Date.now();
    try {
      res = await req;
      if (process.env.FUZZ_DEBUG && Date.now() - started > 300) console.log(`slow ${Date.now() - started}ms ${c.op.method} ${c.url.slice(0, 80)} ${c.label}`);
    } catch (e) {
      return { route: `${c.op.method.toUpperCase()} ${c.op.path}`, label: c.label, status: 0, problem: `no answer: ${(e as Error).message}`, body: '' };
    }
    const route = `${c.op.method.toUpperCase()} ${c.op.path}`;
    const body = (res.text ?? '').slice(0, 300);
    if (res.status >= 500) return { route, label: c.label, status: res.status, problem: '5xx', body };
    if (c.mustReject && res.status < 400) return { route, label: c.label, status: res.status, problem: 'bad input accepted', body };
    if (res.status >= 400) {
      // 404 for an unknown path (a segment too long for the router) is answered by the path's dialect too.
      const problem = errorShapeProblem(dialectOf(c.url), res.body);
      if (problem) return { route, label: c.label, status: res.status, problem, body };
    }
    return null;
  }

  it('walks every operation of the document', () => {
    expect(ops.length).toBeGreaterThan(100);
    const covered = new Set(ops.map((o) => dialectOf(o.path)));
    for (const d of DIALECTS) expect(covered).toContain(d);
  });

  for (const dialect of DIALECTS) {
    it(`${dialect}: no 5xx, unknown fields and wrong JSON types refused, the dialect's error body on every 4xx`, async () => {
      const cases = ops.filter((o) => dialectOf(o.path) === dialect).flatMap((o) => casesOf(o, reader, knownValues(o, fixtures)));
      const findings: Finding[] = [];
      unexpected.length = 0;
      await pool(cases, 6, async (c) => {
        const f = await send(c);
        if (f) findings.push(f);
      });
      if (process.env.FUZZ_DEBUG) console.log(`${dialect}: ${cases.length} cases`);
      if (findings.length && process.env.FUZZ_DEBUG) console.log(JSON.stringify({ findings, unexpected: unexpected.slice(0, 20) }, null, 1));
      expect(cases.length).toBeGreaterThan(0);
      expect(findings).toEqual([]);
    }, 180_000);
  }

  // Enabley's operations once more with the odd-value sweep, unsampled: every field and query parameter.
  // One at a time, as the sweep always ran: concurrent upserts of one object are concurrent-creates.e2e.ts's subject.
  it('enabley: odd values in every query parameter and body field, unsampled: no 5xx, ErrorResponse on every 4xx', async () => {
    const cases = ops.filter((o) => dialectOf(o.path) === 'enabley').flatMap((o) => oddCasesOf(o, reader, knownValues(o, fixtures)));
    const findings: Finding[] = [];
    await pool(cases, 1, async (c) => {
      const f = await send(c);
      if (f) findings.push(f);
    });
    expect(cases.length).toBeGreaterThan(500);
    expect(findings).toEqual([]);
  }, 600_000);
});
