import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { partnerFlow } from '../../clients/typescript/examples/partner-flow';
import { TokenError, fetchToken } from '../../clients/typescript/src';
import { listenPort } from '../hardening/http-raw';
import { TEST_CLIENT, TestContext, createTestApp } from '../support/test-app';

const CLIENT = join(__dirname, '..', '..', 'clients', 'typescript');

/**
 * The partner SDK (clients/typescript: openapi-typescript types of the committed spec, openapi-fetch requests)
 * as a partner uses it: type-checked on its own, then driven over real HTTP through the whole first-day flow.
 * A spec that misdescribes a route shows up here as a type error or a failed step.
 */
describe('partner SDK generated from the spec', () => {
  let ctx: TestContext;
  let baseUrl: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    baseUrl = `http://127.0.0.1:${await listenPort(ctx)}`;
  });
  afterAll(() => ctx.close());

  it('type-checks with its own strict tsconfig, and its hand-written code has no any', () => {
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', join(CLIENT, 'tsconfig.json')], { encoding: 'utf8' });
    expect({ status: tsc.status, output: `${tsc.stdout}${tsc.stderr}` }).toEqual({ status: 0, output: '' });
    for (const dir of ['src', 'examples']) {
      for (const file of readdirSync(join(CLIENT, dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
        const anys = readFileSync(join(CLIENT, dir, file), 'utf8').match(/(:\s*any\b|\bas\s+any\b|<any>|\bany\[\])/g);
        expect({ file, anys }).toEqual({ file, anys: null });
      }
    }
  }, 180_000);

  it('runs the partner flow: token, Triboo user, Enabley course, bulk enrollment, reports, Kolibri classroom, organization', async () => {
    let tokenRequests = 0;
    const counting = (request: Request) => {
      if (new URL(request.url).pathname.startsWith('/oauth2/')) tokenRequests++;
      return fetch(request);
    };
    const result = await partnerFlow({ baseUrl, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret, fetch: counting }, 'a1');
    // One token for the explicit call, one the client fetched once and reused for its eleven requests.
    expect(tokenRequests).toBe(2);
    expect(result.token).toEqual({ token_type: 'Bearer', expires_in: expect.any(Number) });
    const course = 'course-v1:partner+SDKa1+2026';
    expect(result.channel).toMatchObject({ identifier: course, type: 'COURSE' });
    expect(result.enrollment.courses[course]).toBeDefined();
    expect(result.progress).toMatchObject({ user_id: result.tribooUser.user_id, username: 'partner-a1' });
    expect(result.progress.courses.map((c) => c.course_id)).toEqual([course]);
    expect(result.kolibriUserId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.classroomMembership.user).toBe(result.kolibriUserId);
    expect(result.organizationMembers.map((m) => [m.code, m.organization])).toEqual([['partner-a1', 'partner-a1']]);
    expect(result.performance).toEqual([expect.objectContaining({ externalUserId: 'partner-a1', externalChannelId: course, progress: 0 })]);
  });

  it('reports a refused token request with its status and OAuth2 error body', async () => {
    const error = await fetchToken({ baseUrl, clientId: TEST_CLIENT.id, clientSecret: 'wrong-secret' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });
});
