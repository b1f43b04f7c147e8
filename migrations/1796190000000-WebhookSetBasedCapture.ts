import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (functions and storage settings, which TypeORM does not model). Makes the bulk-enroll path of
 * the webhooks cheap on both ends, measured on 25,000 / 50,000 enrollments from one statement:
 *
 * - capture: `ids` and `sequences` of a lazily captured batch are stored uncompressed (EXTERNAL): pglz gave up
 *   on the random uuids but did compress the bigint array, about 80 ms of a 25,000-row bulk insert; the trigger's
 *   "which subscribed accounts did this statement touch" is a hash GROUP BY instead of a sorted DISTINCT (36 ms).
 * - fan-out: the payloads of a lazily captured enrollment.created batch are built by one set-based join
 *   (las_webhook_enrollment_payloads), not a per-row function call (2.5 s -> 1.5 s for 50,000, before the insert).
 *
 * The enrollment insert trigger keeps its behaviour; only its function body is replaced.
 */

const iso = (x: string) => `las_webhook_iso(${x})`;
const userRef = (u: string) => `jsonb_build_object('id', ${u}.id, 'user_id', ${u}.user_id, 'identifier', ${u}.identifier, 'username', ${u}.username, 'email', ${u}.email)`;
/** The same shape as WebhookTriggers' enrollment payload (e: the enrollment, u: its user, c: its channel). */
const enrollmentData = (e: string) =>
  `jsonb_build_object('id', ${e}.id, 'user', ${userRef('u')}, 'course', jsonb_build_object('id', c.id, 'identifier', c.identifier, 'name', c.name),
     'mode', ${e}.mode, 'source', ${e}.source, 'status', ${e}.status, 'progress', ${e}.progress, 'score', ${e}.score,
     'enrolled_at', ${iso(`${e}.enrolled_at`)}, 'completed_at', ${iso(`${e}.completed_at`)})`;

const enrollmentInsert = (accounts: string) => `CREATE OR REPLACE FUNCTION "las_webhook_enrollment_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  subscribed uuid[];
  present uuid[];
  acct uuid;
  emitted integer;
  total integer := 0;
BEGIN
  SELECT array_agg(DISTINCT w.account_id) INTO subscribed FROM webhook w
   WHERE w.active AND w.events && '{enrollment.created,enrollment.completed,*}'::text[];
  IF subscribed IS NULL THEN RETURN NULL; END IF;
  ${accounts}
  IF present IS NULL THEN RETURN NULL; END IF;
  FOREACH acct IN ARRAY present LOOP
    INSERT INTO webhook_event_batch (account_id, occurred_at, events)
    SELECT acct, statement_timestamp(), json_agg(json_build_object('type', 'enrollment.completed', 'sequence', nextval('webhook_event_sequence'), 'data', ${enrollmentData('n')}))
      FROM new_rows n JOIN "user" u ON u.id = n.user_id JOIN channel c ON c.id = n.channel_id
     WHERE n.account_id = acct AND n.is_active AND n.status = 'finished'
    HAVING count(*) > 0;
    GET DIAGNOSTICS emitted = ROW_COUNT;
    total := total + emitted;
    INSERT INTO webhook_event_batch (account_id, occurred_at, lazy_type, ids, sequences)
    SELECT acct, statement_timestamp(), 'enrollment.created', array_agg(n.id), array_agg(nextval('webhook_event_sequence'))
      FROM new_rows n WHERE n.account_id = acct AND n.is_active
    HAVING count(*) > 0;
    GET DIAGNOSTICS emitted = ROW_COUNT;
    total := total + emitted;
  END LOOP;
  IF total > 0 THEN PERFORM pg_notify('las_webhook', ''); END IF;
  RETURN NULL;
END
$$`;

const GROUPED = `SELECT array_agg(a.account_id) INTO present
    FROM (SELECT t.account_id FROM new_rows t WHERE t.account_id = ANY(subscribed) GROUP BY t.account_id) a;`;
const SORTED = `SELECT array_agg(DISTINCT a.account_id) INTO present FROM (SELECT t.account_id FROM new_rows t) a WHERE a.account_id = ANY(subscribed);`;

export class WebhookSetBasedCapture1796190000000 implements MigrationInterface {
  name = 'WebhookSetBasedCapture1796190000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_event_batch" ALTER COLUMN "ids" SET STORAGE EXTERNAL, ALTER COLUMN "sequences" SET STORAGE EXTERNAL`);
    await queryRunner.query(enrollmentInsert(GROUPED));
    // One lazily captured batch's (or a chunk's) payloads, in one join; an enrollment deleted meanwhile still says which it was.
    await queryRunner.query(`CREATE FUNCTION "las_webhook_enrollment_payloads"(ids uuid[], sequences bigint[]) RETURNS TABLE (sequence bigint, data jsonb)
      LANGUAGE sql STABLE AS $$
      SELECT x.sequence, CASE WHEN n.id IS NULL THEN jsonb_build_object('id', x.id) ELSE ${enrollmentData('n')} END
        FROM unnest(ids, sequences) x(id, sequence)
        LEFT JOIN enrollment n ON n.id = x.id
        LEFT JOIN "user" u ON u.id = n.user_id
        LEFT JOIN channel c ON c.id = n.channel_id $$`);
    await queryRunner.query(`DROP FUNCTION "las_webhook_enrollment_data"(enrollment)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "las_webhook_enrollment_data"(n enrollment) RETURNS jsonb LANGUAGE sql STABLE AS $$
      SELECT ${enrollmentData('n')} FROM "user" u, channel c WHERE u.id = n.user_id AND c.id = n.channel_id $$`);
    await queryRunner.query(`DROP FUNCTION "las_webhook_enrollment_payloads"(uuid[], bigint[])`);
    await queryRunner.query(enrollmentInsert(SORTED));
    await queryRunner.query(`ALTER TABLE "webhook_event_batch" ALTER COLUMN "ids" SET STORAGE EXTENDED, ALTER COLUMN "sequences" SET STORAGE EXTENDED`);
  }
}
