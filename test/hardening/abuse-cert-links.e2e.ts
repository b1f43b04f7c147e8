import { createHmac } from 'node:crypto';
import { loadEnv } from '../../src/core/config/env';
import { CertificatePdfLinks } from '../../src/dialects/enabley/certificates/certificate-pdf-link.service';
import { Api, putChannel } from '../enabley/channels-support';
import { TestContext, createTestApp } from '../support/test-app';
import { sleep } from './abuse-helpers';

const TTL_SECONDS = 3;

describe('certificate PDF links expire', () => {
  let ctx: TestContext;
  let a: Api;
  const pdfUrl = async (): Promise<string> => {
    const states = (await a.get('/api/v1/certificates/users/ann').expect(200)).body;
    return new URL(states[0].pdfUrl, 'http://x').pathname;
  };

  beforeAll(async () => {
    ctx = await createTestApp({ CERTIFICATE_LINK_TTL_SECONDS: String(TTL_SECONDS) });
    a = ctx.as(await ctx.clientToken());
    await a.put('/api/v2/users').send({ identifier: 'ann', username: 'ann', firstName: 'Ann', lastName: 'Learner' }).expect(201);
    await putChannel(a, { identifier: 'course-v1:acme+a+1', name: 'A' });
    await a.put('/api/v1/channels/course-v1:acme+a+1/contentItems').send({ items: [{ identifier: 'a1', name: 'A1' }] }).expect(200);
    await a.put('/api/v1/certificates').send({ externalCertificateId: 'safety', name: 'Safety', courseIds: ['course-v1:acme+a+1'] }).expect(201);
    await a.post('/api/v2/channels/course-v1:acme+a+1/users/ann').expect(200);
    await a.post('/api/v4/channels/forceComplete/channel/course-v1:acme+a+1/user/ann').expect(200);
  });
  afterAll(() => ctx.close());

  it('a link carries its signed expiry (CERTIFICATE_LINK_TTL_SECONDS); past it the link answers 410 in the Enabley body, a fresh one works', async () => {
    const before = Math.floor(Date.now() / 1000);
    const path = await pdfUrl();
    const m = /\/api\/v1\/certificates\/pdf\/([0-9a-f]{64})\.(\d+)\.([A-Za-z0-9_-]{43})$/.exec(path);
    expect(m).not.toBeNull();
    const expires = Number(m![2]);
    expect(expires).toBeGreaterThanOrEqual(before + TTL_SECONDS);
    expect(expires).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + TTL_SECONDS);
    const fresh = await ctx.http().get(path).expect(200);
    expect(fresh.headers['content-type']).toMatch(/^application\/pdf/);
    // The expiry is signed: pushing it out breaks the signature.
    await ctx.http().get(path.replace(`.${m![2]}.`, `.${expires + 3600}.`)).expect(404);
    // A link of the earlier, unexpiring format is refused.
    await ctx.http().get(`/api/v1/certificates/pdf/${m![1]}.${m![3]}`).expect(404);

    await sleep((expires + 1) * 1000 - Date.now());
    const expired = await ctx.http().get(path).expect(410);
    expect(expired.body).toEqual({ error: 'not_found', error_description: expect.stringMatching(/expired/) });
    await ctx.http().get(await pdfUrl()).expect(200);
  });

  it('defaults to 7 days (CERTIFICATE_LINK_TTL_SECONDS configures it); a link is good until its expiry second, then expired', () => {
    const env = { JWT_SECRET: 'links-test-secret-links-test-secret' };
    const now = Date.UTC(2030, 0, 1);
    const byDefault = new CertificatePdfLinks(loadEnv(env));
    expect(loadEnv(env).certificateLinkTtlSeconds).toBe(604_800);
    const userId = '11111111-1111-4111-8111-111111111111';
    const certificateId = '22222222-2222-4222-8222-222222222222';
    const token = byDefault.url(userId, certificateId, now).split('/').pop()!;
    expect(token.split('.')[1]).toBe(String(now / 1000 + 604_800));
    expect(byDefault.parse(token, now + 604_799_000)).toEqual({ userId, certificateId });
    expect(byDefault.parse(token, now + 604_800_000)).toBe('expired');
    const short = new CertificatePdfLinks(loadEnv({ ...env, CERTIFICATE_LINK_TTL_SECONDS: '60' }));
    expect(short.url(userId, certificateId, now).split('.')[1]).toBe(String(now / 1000 + 60));
    expect(() => loadEnv({ CERTIFICATE_LINK_TTL_SECONDS: '0' })).toThrow(/^CERTIFICATE_LINK_TTL_SECONDS /);
    // A MAC made with another key is refused, not reported as expired.
    const body = token.slice(0, token.lastIndexOf('.'));
    const foreign = `${body}.${createHmac('sha256', 'other').update(body).digest('base64url')}`;
    expect(byDefault.parse(foreign, now + 604_800_000)).toBeNull();
  });
});
