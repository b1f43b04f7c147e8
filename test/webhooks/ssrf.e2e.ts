import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';
import { isBlockedAddress } from '../../src/core/webhooks/target-guard';
import { SecretBox, newWebhookSecret } from '../../src/core/webhooks/webhook-secret';
import { WEBHOOK_SECRET_BOX } from '../../src/core/webhooks/webhook.tokens';
import { Receiver, startReceiver } from './receiver';

const BASE = '/api/platform/v1/webhooks';

/** Without WEBHOOK_ALLOW_PRIVATE_TARGETS: private targets are refused at subscription and again at delivery. */
describe('Webhooks: SSRF guard', () => {
  let ctx: TestContext;
  let a: Agent;
  let hook: Receiver;

  beforeAll(async () => {
    ctx = await createTestApp({ WEBHOOK_RETRY_SCHEDULE: '1' });
    a = ctx.as(await ctx.clientToken());
    hook = await startReceiver();
  });
  afterAll(async () => {
    await ctx.close();
    await hook.close();
  });

  it('classifies addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '224.0.0.1']) {
      expect([ip, isBlockedAddress(ip)]).toEqual([ip, true]);
    }
    for (const ip of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect([ip, isBlockedAddress(ip)]).toEqual([ip, false]);
  });

  it('refuses loopback, private, link-local and metadata targets at subscription (400)', async () => {
    for (const url of [hook.url, 'http://localhost:9/x', 'http://10.0.0.8/x', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:9/x', 'http://[::ffff:127.0.0.1]/x', 'https://192.168.0.10/x', 'http://0x7f000001/x']) {
      const res = await a.post(BASE, { url, events: ['*'] }).expect(400);
      expect(res.body).toEqual({ error: 'invalid', message: expect.stringContaining('url') });
    }
    const id = (await ctx.db.query(`INSERT INTO webhook (account_id, url, events, secret_encrypted) SELECT id, 'http://192.0.2.1/x', '{*}', 'x' FROM account WHERE name = 'default' RETURNING id`))[0].id;
    await a.patch(`${BASE}/${id}`, { url: 'http://127.0.0.1:1/x' }).expect(400);
    await ctx.db.query(`DELETE FROM webhook WHERE id = $1`, [id]);
  });

  it('refuses them again at delivery (a name that now resolves to loopback, an address literal): nothing reaches the target', async () => {
    // As if the names had resolved to public addresses when subscribed (DNS rebinding): rows written past the route's check.
    const box = ctx.app.get<SecretBox>(WEBHOOK_SECRET_BOX);
    const port = new URL(hook.url).port;
    for (const url of [`http://localhost:${port}/hook`, hook.url]) {
      const [{ id }] = await ctx.db.query(
        `INSERT INTO webhook (account_id, url, events, secret_encrypted) SELECT id, $1, '{user.created}', $2 FROM account WHERE name = 'default' RETURNING id`,
        [url, box.seal(newWebhookSecret())],
      );
      await a.post(`${BASE}/${id}/test`).expect(202);
      const until = Date.now() + 20_000;
      let log: { results: { status: string; last_error: string | null; attempts: number }[] } = { results: [] };
      while (Date.now() < until && !log.results.length) {
        log = (await a.get(`${BASE}/${id}/deliveries?status=failed`).expect(200)).body;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(log.results).toEqual([expect.objectContaining({ status: 'failed', attempts: 2, last_status_code: null, last_error: expect.stringMatching(/may not reach/) })]);
    }
    expect(hook.received).toHaveLength(0);
  }, 60_000);
});
