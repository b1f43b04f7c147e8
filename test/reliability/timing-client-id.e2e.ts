import { TEST_CLIENT, TestContext, createTestApp } from '../support/test-app';

const ROUNDS = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Client id enumeration by timing: an unknown or revoked client_id must cost what a known one with a
 * wrong secret costs (an argon2 verification against a dummy hash made with the same parameters).
 * Interleaved rounds, medians: load on the machine shifts all three alike.
 */
describe('token endpoint timing does not tell known client ids from unknown or revoked ones', () => {
  let ctx: TestContext;
  let revokedId: string;
  beforeAll(async () => {
    // The failure lock would answer 429 after a few wrong secrets; this test measures the unlocked path.
    ctx = await createTestApp({ LOGIN_FAILURE_LIMIT: '1000000' });
    const su = await ctx.superToken();
    const account = (await ctx.http().post('/api/admin/accounts').set('Authorization', `Bearer ${su}`).send({ name: 'timing' }).expect(201)).body;
    revokedId = (await ctx.http().post(`/api/admin/accounts/${account.id}/clients`).set('Authorization', `Bearer ${su}`).send({ name: 'gone' }).expect(201)).body.client_id;
    await ctx.http().delete(`/api/admin/clients/${revokedId}`).set('Authorization', `Bearer ${su}`).expect((r) => expect(r.status).toBeLessThan(300));
  });
  afterAll(() => ctx.close());

  const attempt = async (clientId: string, i: number): Promise<number> => {
    const started = process.hrtime.bigint();
    await ctx
      .http()
      .post('/oauth2/access_token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: `wrong-secret-${i}` })
      .expect(401);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };

  it(`medians of ${ROUNDS} attempts (unknown, revoked, known with a wrong secret) are within 20% of each other`, async () => {
    for (let i = 0; i < 3; i++) for (const id of [TEST_CLIENT.id, 'no-such-client', revokedId]) await attempt(id, i);
    const known: number[] = [];
    const unknown: number[] = [];
    const revoked: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      known.push(await attempt(TEST_CLIENT.id, i));
      unknown.push(await attempt(`no-such-client-${i}`, i));
      revoked.push(await attempt(revokedId, i));
    }
    const m = { known: median(known), unknown: median(unknown), revoked: median(revoked) };
    const within = (x: number) => Math.abs(x - m.known) / m.known;
    expect({ ...m, unknownOff: within(m.unknown) < 0.2, revokedOff: within(m.revoked) < 0.2 }).toEqual({ ...m, unknownOff: true, revokedOff: true });
  });
});
