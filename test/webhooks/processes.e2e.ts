import { newDatabase, query, waitFor } from '../scale/helpers';
import { startServer, tempDataDir } from '../support/server-process';
import { SecretBox, newWebhookSecret } from '../../src/core/webhooks/webhook-secret';
import { Receiver, startReceiver } from './receiver';

const JWT_SECRET = 'process-test-secret-process-test-secret';

/** A webhook written as the route writes it (the secret sealed under the servers' JWT secret), then `n` course events in one statement. */
async function seed(url: string, target: string, n: number, prefix: string): Promise<{ secret: string; ids: () => Promise<string[]> }> {
  const secret = newWebhookSecret();
  const [{ id: accountId }] = await query<{ id: string }>(url, `INSERT INTO account (name) VALUES ($1) RETURNING id`, [prefix]);
  await query(url, `INSERT INTO webhook (account_id, url, events, secret_encrypted) VALUES ($1, $2, '{course.created}', $3)`, [accountId, target, new SecretBox(JWT_SECRET).seal(secret)]);
  await query(url, `INSERT INTO channel (account_id, identifier, name, type) SELECT $1, $2 || i, 'C' || i, 'COURSE' FROM generate_series(1, $3::int) i`, [accountId, prefix, n]);
  // Captured: still in their batch, or already fanned out by a running server (one snapshot sees one or the other).
  const [{ n: captured }] = await query<{ n: number }>(
    url,
    `SELECT ((SELECT coalesce(sum(json_array_length(events)), 0) FROM webhook_event_batch WHERE account_id = $1)
           + (SELECT count(*) FROM webhook_delivery WHERE account_id = $1))::int AS n`,
    [accountId],
  );
  expect(captured).toBe(n);
  // The deliveries exist once a worker has fanned the batch out.
  const ids = async () => (await query<{ id: string }>(url, `SELECT d.id FROM webhook_delivery d WHERE d.account_id = $1`, [accountId])).map((r) => r.id);
  return { secret, ids };
}

const statuses = (url: string) => query<{ status: string; n: number }>(url, `SELECT status, count(*)::int AS n FROM webhook_delivery GROUP BY status ORDER BY status`);

/** Needs a current dist/ (`node scripts/build.mjs`; `npm test` builds first). */
describe('Webhooks across real server processes', () => {
  let hook: Receiver;
  beforeEach(async () => {
    hook = await startReceiver();
  });
  afterEach(() => hook.close());

  const env = (url: string): Record<string, string> => ({
    DATABASE_URL: url,
    DATA_DIR: tempDataDir(),
    JWT_SECRET,
    OUTBOX_LEASE_SECONDS: '4',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_RETRY_SCHEDULE: '1,1,1',
  });

  it('several processes: each delivery is sent by one process at a time (no duplicate at all without a crash)', async () => {
    const db = await newDatabase({ migrated: true });
    try {
      hook.answer = () => ({ status: 200, delayMs: 20 });
      // One after the other: three cold starts at once on a loaded CI machine can outlast the health wait.
      const servers = [];
      for (let i = 0; i < 3; i++) servers.push(await startServer(env(db.url), { timeoutMs: 120_000 }));
      try {
        const { secret, ids } = await seed(db.url, hook.url, 300, 'multi');
        const done = await waitFor(() => statuses(db.url), (rs) => rs.length === 1 && rs[0].status === 'succeeded', 60_000, 200);
        expect(done.value).toEqual([{ status: 'succeeded', n: 300 }]);
        expect(hook.received).toHaveLength(300);
        expect(new Set(hook.received.map((r) => r.headers['webhook-id']))).toEqual(new Set(await ids()));
        hook.verifyAll(secret);
      } finally {
        await Promise.all(servers.map((s) => s.stop('SIGTERM')));
      }
    } finally {
      await db.drop();
    }
  }, 300_000);

  it('SIGKILL mid-delivery loses nothing: the rows in flight are sent again, with the same webhook-id', async () => {
    const db = await newDatabase({ migrated: true });
    try {
      hook.answer = () => ({ status: 200, delayMs: 300 });
      const { secret, ids } = await seed(db.url, hook.url, 60, 'crash');
      const first = await startServer(env(db.url));
      await waitFor(async () => hook.received.length, (n) => n >= 5, 30_000, 10);
      await first.stop('SIGKILL');
      const left = await statuses(db.url);
      const sendingAtCrash = left.find((r) => r.status === 'sending')?.n ?? 0;
      expect(sendingAtCrash).toBeGreaterThan(0); // the crash really left claimed rows behind

      const second = await startServer(env(db.url));
      try {
        const done = await waitFor(() => statuses(db.url), (rs) => rs.length === 1 && rs[0].status === 'succeeded', 60_000, 200);
        expect(done.value).toEqual([{ status: 'succeeded', n: 60 }]);
      } finally {
        await second.stop('SIGTERM');
      }
      const delivered = new Set(hook.received.map((r) => String(r.headers['webhook-id'])));
      const all = await ids();
      expect(all).toHaveLength(60);
      expect(delivered).toEqual(new Set(all));
      // Duplicates only of what was in flight at the kill, and every copy of one delivery is the same message.
      expect(hook.received.length - delivered.size).toBeLessThanOrEqual(sendingAtCrash);
      for (const id of delivered) expect(new Set(hook.received.filter((r) => r.headers['webhook-id'] === id).map((r) => r.body)).size).toBe(1);
      hook.verifyAll(secret);
      process.stdout.write(`webhooks crash: ${sendingAtCrash} deliveries in flight at the SIGKILL; ${hook.received.length} received for ${all.length}\n`);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
