import { startServer, tempDataDir } from '../support/server-process';
import { fakeSmtp } from '../support/fake-smtp';
import { newDatabase, query, waitFor } from './helpers';

const MESSAGES = 30;

/** Needs a current dist/ (`node scripts/build.mjs`; `npm test` builds first). */
describe('scale: the outbox survives a SIGKILL mid-batch', () => {
  it('every message is delivered at least once, duplicates carry the same Message-ID, nothing is left behind', async () => {
    const db = await newDatabase({ migrated: true });
    const smtp = await fakeSmtp(250);
    const env = (): Record<string, string> => ({ DATABASE_URL: db.url, DATA_DIR: tempDataDir(), SMTP_URL: smtp.url, OUTBOX_LEASE_SECONDS: '4' });
    try {
      const [{ id: accountId }] = await query<{ id: string }>(db.url, `INSERT INTO account (name) VALUES ('outbox') RETURNING id`);
      const rows = await query<{ id: string; to_address: string }>(
        db.url,
        `INSERT INTO notification (key, account_id, to_address, subject, body)
         SELECT 'crash:' || i, $1, 'user' || i || '@example.com', 'Message ' || i, 'Body ' || i FROM generate_series(1, $2) i
         RETURNING id, to_address`,
        [accountId, MESSAGES],
      );
      const expectedId = new Map(rows.map((r) => [r.to_address, `<notification-${r.id}@localhost>`]));

      const first = await startServer(env());
      const midway = await waitFor(async () => smtp.received.length, (n) => n >= 3, 20_000, 10);
      expect(midway.value).toBeGreaterThanOrEqual(3);
      await first.stop('SIGKILL');
      const left = await query<{ status: string; n: number }>(db.url, `SELECT status, count(*)::int AS n FROM notification GROUP BY status ORDER BY status`);
      const sendingAtCrash = left.find((r) => r.status === 'sending')?.n ?? 0;
      expect(sendingAtCrash).toBeGreaterThan(0); // the crash really left claimed rows behind

      const second = await startServer(env());
      try {
        const done = await waitFor(
          () => query<{ status: string; n: number }>(db.url, `SELECT status, count(*)::int AS n FROM notification GROUP BY status`),
          (rs) => rs.length === 1 && rs[0].status === 'sent',
          40_000,
          200,
        );
        expect(done.value).toEqual([{ status: 'sent', n: MESSAGES }]);
      } finally {
        await second.stop('SIGTERM');
      }

      const delivered = new Map<string, number>();
      for (const mail of smtp.received) {
        expect(mail.messageId).toBe(expectedId.get(mail.to!)); // every attempt of a row carries its one Message-ID
        delivered.set(mail.messageId!, (delivered.get(mail.messageId!) ?? 0) + 1);
      }
      expect([...delivered.keys()].sort()).toEqual([...expectedId.values()].sort());
      const duplicates = smtp.received.length - delivered.size;
      process.stdout.write(`outbox-crash: ${sendingAtCrash} rows left sending at the SIGKILL; ${smtp.received.length} deliveries of ${MESSAGES} messages (${duplicates} duplicate)\n`);
    } finally {
      smtp.server.close();
      await db.drop();
    }
  }, 120_000);
});
