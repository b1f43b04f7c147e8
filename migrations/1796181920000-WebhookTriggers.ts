import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model triggers): the core tables emit webhook events themselves, so
 * every code path of every dialect emits, in the transaction of the change (a rollback emits nothing),
 * set-based (one INSERT ... SELECT per statement, from the statement's transition tables). Each trigger
 * first asks the small `webhook` table whether any active subscription wants one of its event types and
 * returns at once when none does; only then does it read the transition tables, and writes the statement's
 * events as one row (webhook_event_batch), which the delivery worker fans out to the webhooks.
 * See src/core/webhooks/README.md for the event vocabulary.
 */

const iso = (x: string) => `las_webhook_iso(${x})`;
const userData = (u: string) =>
  `jsonb_build_object('id', ${u}.id, 'user_id', ${u}.user_id, 'identifier', ${u}.identifier, 'username', ${u}.username, 'email', ${u}.email,
     'first_name', ${u}.first_name, 'last_name', ${u}.last_name, 'full_name', ${u}.full_name, 'is_active', ${u}.is_active)`;
const userRef = (u: string) => `jsonb_build_object('id', ${u}.id, 'user_id', ${u}.user_id, 'identifier', ${u}.identifier, 'username', ${u}.username, 'email', ${u}.email)`;
const courseData = (c: string) =>
  `jsonb_build_object('id', ${c}.id, 'identifier', ${c}.identifier, 'name', ${c}.name, 'status', ${c}.status, 'published', ${c}.published,
     'description', ${c}.description, 'start_date', ${iso(`${c}.start_date`)}, 'end_date', ${iso(`${c}.end_date`)}, 'language', ${c}.language)`;
const enrollmentData = (e: string) =>
  `jsonb_build_object('id', ${e}.id, 'user', ${userRef('u')}, 'course', jsonb_build_object('id', c.id, 'identifier', c.identifier, 'name', c.name),
     'mode', ${e}.mode, 'source', ${e}.source, 'status', ${e}.status, 'progress', ${e}.progress, 'score', ${e}.score,
     'enrolled_at', ${iso(`${e}.enrolled_at`)}, 'completed_at', ${iso(`${e}.completed_at`)})`;
const certificateData = (n: string) =>
  `jsonb_build_object('user', ${userRef('u')}, 'certificate', jsonb_build_object('id', ce.id, 'external_certificate_id', ce.external_certificate_id, 'name', ce.name),
     'certification_date', ${iso(`${n}.certification_date`)}, 'expiration_date', ${iso(`${n}.expiration_date`)})`;
/** The names of the listed columns that differ between o and n, as a text[] (what an integrator sees changed). */
const changed = (cols: string[]) =>
  `ARRAY(SELECT f FROM (VALUES ${cols.map((c) => `('${c}', o.${c} IS DISTINCT FROM n.${c})`).join(', ')}) v(f, d) WHERE d)`;
const USER_FIELDS = ['identifier', 'username', 'email', 'first_name', 'last_name', 'full_name'];
const COURSE_FIELDS = ['identifier', 'name', 'status', 'published', 'description', 'start_date', 'end_date', 'duration', 'language', 'categories', 'tags', 'image_url'];

/**
 * One trigger function: the subscription check; the statement's subscribed accounts (`accounts`: a query of
 * account_id over the transition tables, usually one account); then, per account, `events` (rows of
 * account_id, type, data, filtered on `subscribed`) numbered and captured as one webhook_event_batch row.
 * A plain aggregate per account streams: no sort, no materialized CTE, nothing spilled to disk for 50,000 rows.
 */
function emitter(name: string, types: string[], accounts: string, events: string | null, lazy?: Emitter['lazy']): string {
  const eager = events
    ? `
    INSERT INTO webhook_event_batch (account_id, occurred_at, events)
    SELECT acct, statement_timestamp(), json_agg(json_build_object('type', e.type, 'sequence', nextval('webhook_event_sequence'), 'data', e.data))
      FROM (${events}) e
    HAVING count(*) > 0;
    GET DIAGNOSTICS emitted = ROW_COUNT;
    total := total + emitted;`
    : '';
  const deferred = lazy
    ? `
    INSERT INTO webhook_event_batch (account_id, occurred_at, lazy_type, ids, sequences)
    SELECT acct, statement_timestamp(), '${lazy.type}', array_agg(n.id), array_agg(nextval('webhook_event_sequence'))
      FROM new_rows n WHERE n.account_id = acct AND ${lazy.where}
    HAVING count(*) > 0;
    GET DIAGNOSTICS emitted = ROW_COUNT;
    total := total + emitted;`
    : '';
  return `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  subscribed uuid[];
  present uuid[];
  acct uuid;
  emitted integer;
  total integer := 0;
BEGIN
  SELECT array_agg(DISTINCT w.account_id) INTO subscribed FROM webhook w
   WHERE w.active AND w.events && '{${[...types, '*'].join(',')}}'::text[];
  IF subscribed IS NULL THEN RETURN NULL; END IF;
  SELECT array_agg(DISTINCT a.account_id) INTO present FROM (${accounts}) a WHERE a.account_id = ANY(subscribed);
  IF present IS NULL THEN RETURN NULL; END IF;
  FOREACH acct IN ARRAY present LOOP
    subscribed := ARRAY[acct];${eager}${deferred}
  END LOOP;
  IF total > 0 THEN PERFORM pg_notify('las_webhook', ''); END IF;
  RETURN NULL;
END
$$`;
}

interface Emitter {
  name: string;
  table: string;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  types: string[];
  /** The accounts the statement touched (a query with an account_id column); default: the transition table's own column. */
  accounts?: string;
  /** Rows of (account_id, type, data): payloads built now, from the transition tables. */
  events: string | null;
  /**
   * Events of this type captured as ids and sequence numbers only, their payloads built when the worker fans
   * them out (las_webhook_enrollment_data): the bulk-enroll path writes 400 KB for 25,000 events instead of
   * building 25,000 JSON objects in the request. `where` filters new_rows n.
   */
  lazy?: { type: 'enrollment.created'; where: string };
}

const EMITTERS: Emitter[] = [
  {
    name: 'las_webhook_user_insert',
    table: 'user',
    op: 'INSERT',
    types: ['user.created'],
    events: `SELECT n.account_id, 'user.created' AS type, ${userData('n')} AS data FROM new_rows n WHERE n.account_id = ANY(subscribed)`,
  },
  {
    name: 'las_webhook_user_update',
    table: 'user',
    op: 'UPDATE',
    types: ['user.updated', 'user.deactivated', 'user.reactivated'],
    events: `SELECT n.account_id, t.type, ${userData('n')} || CASE WHEN t.type = 'user.updated' THEN jsonb_build_object('changed', to_jsonb(ch.changed)) ELSE '{}'::jsonb END AS data
               FROM new_rows n JOIN old_rows o ON o.id = n.id
              CROSS JOIN LATERAL (SELECT ${changed(USER_FIELDS)} AS changed) ch
              CROSS JOIN LATERAL (VALUES ('user.updated', cardinality(ch.changed) > 0),
                                         ('user.deactivated', o.is_active AND NOT n.is_active),
                                         ('user.reactivated', NOT o.is_active AND n.is_active)) t(type, fire)
              WHERE n.account_id = ANY(subscribed) AND t.fire`,
  },
  {
    name: 'las_webhook_user_delete',
    table: 'user',
    op: 'DELETE',
    types: ['user.deleted'],
    events: `SELECT o.account_id, 'user.deleted' AS type, ${userData('o')} AS data FROM old_rows o WHERE o.account_id = ANY(subscribed)`,
  },
  {
    name: 'las_webhook_channel_insert',
    table: 'channel',
    op: 'INSERT',
    types: ['course.created'],
    events: `SELECT n.account_id, 'course.created' AS type, ${courseData('n')} AS data FROM new_rows n WHERE n.type = 'COURSE' AND n.account_id = ANY(subscribed)`,
  },
  {
    name: 'las_webhook_channel_update',
    table: 'channel',
    op: 'UPDATE',
    types: ['course.updated'],
    events: `SELECT n.account_id, 'course.updated' AS type, ${courseData('n')} || jsonb_build_object('changed', to_jsonb(ch.changed)) AS data
               FROM new_rows n JOIN old_rows o ON o.id = n.id
              CROSS JOIN LATERAL (SELECT ${changed(COURSE_FIELDS)} AS changed) ch
              WHERE n.type = 'COURSE' AND n.account_id = ANY(subscribed) AND cardinality(ch.changed) > 0`,
  },
  {
    name: 'las_webhook_enrollment_insert',
    table: 'enrollment',
    op: 'INSERT',
    types: ['enrollment.created', 'enrollment.completed'],
    events: `SELECT n.account_id, 'enrollment.completed' AS type, ${enrollmentData('n')} AS data
               FROM new_rows n JOIN "user" u ON u.id = n.user_id JOIN channel c ON c.id = n.channel_id
              WHERE n.account_id = ANY(subscribed) AND n.is_active AND n.status = 'finished'`,
    lazy: { type: 'enrollment.created', where: 'n.is_active' },
  },
  {
    name: 'las_webhook_enrollment_update',
    table: 'enrollment',
    op: 'UPDATE',
    types: ['enrollment.created', 'enrollment.completed', 'enrollment.ended'],
    events: `SELECT n.account_id, t.type, ${enrollmentData('n')} || CASE WHEN t.type = 'enrollment.ended' THEN '{"reason": "unenrolled"}'::jsonb ELSE '{}'::jsonb END AS data
               FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "user" u ON u.id = n.user_id JOIN channel c ON c.id = n.channel_id
              CROSS JOIN LATERAL (VALUES ('enrollment.created', NOT o.is_active AND n.is_active),
                                         ('enrollment.completed', n.is_active AND n.status = 'finished' AND o.status IS DISTINCT FROM 'finished'),
                                         ('enrollment.ended', o.is_active AND NOT n.is_active)) t(type, fire)
              WHERE n.account_id = ANY(subscribed) AND t.fire`,
  },
  {
    // A user's or course's deletion cascades here after the parent row is gone: the inner joins drop
    // those rows (user.deleted says it), so only a removal of the enrollment itself is reported.
    name: 'las_webhook_enrollment_delete',
    table: 'enrollment',
    op: 'DELETE',
    types: ['enrollment.ended'],
    events: `SELECT o.account_id, 'enrollment.ended' AS type, ${enrollmentData('o')} || '{"reason": "removed"}'::jsonb AS data
               FROM old_rows o JOIN "user" u ON u.id = o.user_id JOIN channel c ON c.id = o.channel_id
              WHERE o.is_active AND o.account_id = ANY(subscribed)`,
  },
  {
    name: 'las_webhook_user_certificate_insert',
    table: 'user_certificate',
    op: 'INSERT',
    types: ['certificate.issued'],
    accounts: `SELECT ce.account_id FROM new_rows n JOIN certificate ce ON ce.id = n.certificate_id`,
    events: `SELECT u.account_id, 'certificate.issued' AS type, ${certificateData('n')} AS data
               FROM new_rows n JOIN "user" u ON u.id = n.user_id JOIN certificate ce ON ce.id = n.certificate_id
              WHERE n.certification_date IS NOT NULL AND u.account_id = ANY(subscribed)`,
  },
  {
    name: 'las_webhook_user_certificate_update',
    table: 'user_certificate',
    op: 'UPDATE',
    types: ['certificate.issued'],
    accounts: `SELECT ce.account_id FROM new_rows n JOIN certificate ce ON ce.id = n.certificate_id`,
    events: `SELECT u.account_id, 'certificate.issued' AS type, ${certificateData('n')} AS data
               FROM new_rows n JOIN old_rows o ON o.user_id = n.user_id AND o.certificate_id = n.certificate_id
               JOIN "user" u ON u.id = n.user_id JOIN certificate ce ON ce.id = n.certificate_id
              WHERE n.certification_date IS NOT NULL AND n.certification_date IS DISTINCT FROM o.certification_date AND u.account_id = ANY(subscribed)`,
  },
  {
    // One bulk-enroll call writes one audit row per course in one statement: one summary event per call.
    name: 'las_webhook_bulk_enroll_insert',
    table: 'triboo_enrollment_audit',
    op: 'INSERT',
    types: ['bulk_enroll.completed'],
    events: `SELECT n.account_id, 'bulk_enroll.completed' AS type,
                    jsonb_build_object('action', n.action, 'audit_id', min(n.id), 'audit_ids', jsonb_agg(n.id ORDER BY n.id), 'entries', max(n.entries),
                      'courses', jsonb_agg(jsonb_build_object('id', c.id, 'identifier', c.identifier, 'audit_id', n.id,
                        'counts', (SELECT coalesce(jsonb_object_agg(s.t, s.k), '{}'::jsonb) FROM (SELECT t, count(*) AS k FROM unnest(n.state_transitions) t GROUP BY t) s)) ORDER BY n.id),
                      'counts', (SELECT coalesce(jsonb_object_agg(s.t, s.k), '{}'::jsonb)
                                   FROM (SELECT t, count(*) AS k FROM new_rows n2, unnest(n2.state_transitions) t
                                          WHERE n2.account_id = n.account_id AND n2.action = n.action GROUP BY t) s)) AS data
               FROM new_rows n JOIN channel c ON c.id = n.channel_id
              WHERE n.account_id = ANY(subscribed)
              GROUP BY n.account_id, n.action`,
  },
];

const triggerName = (e: Emitter) => `TR_${e.table}_webhook_${e.op.toLowerCase()}`;
const referencing = (op: Emitter['op']) =>
  op === 'INSERT' ? 'REFERENCING NEW TABLE AS new_rows' : op === 'DELETE' ? 'REFERENCING OLD TABLE AS old_rows' : 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows';

export class WebhookTriggers1796181920000 implements MigrationInterface {
  name = 'WebhookTriggers1796181920000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "webhook_event_sequence" AS bigint`);
    await queryRunner.query(`CREATE FUNCTION "las_webhook_iso"(t timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`);
    // The fan-out builds lazily captured enrollment.created payloads with this, in the same shape as the triggers.
    await queryRunner.query(`CREATE FUNCTION "las_webhook_enrollment_data"(n enrollment) RETURNS jsonb LANGUAGE sql STABLE AS $$
      SELECT ${enrollmentData('n')} FROM "user" u, channel c WHERE u.id = n.user_id AND c.id = n.channel_id $$`);
    for (const e of EMITTERS) {
      const accounts = e.accounts ?? `SELECT t.account_id FROM ${e.op === 'DELETE' ? 'old_rows' : 'new_rows'} t`;
      await queryRunner.query(emitter(e.name, e.types, accounts, e.events, e.lazy));
      await queryRunner.query(`CREATE TRIGGER "${triggerName(e)}" AFTER ${e.op} ON "${e.table}" ${referencing(e.op)} FOR EACH STATEMENT EXECUTE FUNCTION "${e.name}"()`);
    }
    // webhook_delivery has no foreign key (see its entity): a webhook's deliveries go with it here, also on an account's cascade.
    await queryRunner.query(`CREATE FUNCTION "las_webhook_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM webhook_delivery d USING old_rows o WHERE d.webhook_id = o.id;
  RETURN NULL;
END
$$`);
    await queryRunner.query(`CREATE TRIGGER "TR_webhook_deliveries_delete" AFTER DELETE ON "webhook" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "las_webhook_deleted"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TR_webhook_deliveries_delete" ON "webhook"`);
    await queryRunner.query(`DROP FUNCTION "las_webhook_deleted"()`);
    for (const e of [...EMITTERS].reverse()) {
      await queryRunner.query(`DROP TRIGGER "${triggerName(e)}" ON "${e.table}"`);
      await queryRunner.query(`DROP FUNCTION "${e.name}"()`);
    }
    await queryRunner.query(`DROP FUNCTION "las_webhook_enrollment_data"(enrollment)`);
    await queryRunner.query(`DROP FUNCTION "las_webhook_iso"(timestamptz)`);
    await queryRunner.query(`DROP SEQUENCE "webhook_event_sequence"`);
  }
}
