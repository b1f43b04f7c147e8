import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model triggers): the core tables emit webhook events themselves, so
 * every code path of every dialect emits, in the transaction of the change (a rollback emits nothing),
 * set-based (one INSERT ... SELECT per statement, from the statement's transition tables). Each trigger
 * first asks the small `webhook` table whether any active subscription wants one of its event types and
 * returns at once when none does; only then does it read the transition tables.
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

/** One trigger function: the subscription check, then `events` (rows of account_id, type, data) fanned out per webhook. */
function emitter(name: string, types: string[], events: string): string {
  return `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  subscribed uuid[];
  emitted integer;
BEGIN
  SELECT array_agg(DISTINCT w.account_id) INTO subscribed FROM webhook w
   WHERE w.active AND w.events && '{${[...types, '*'].join(',')}}'::text[];
  IF subscribed IS NULL THEN RETURN NULL; END IF;
  -- Materialized, so nextval runs once per event (not per webhook) and the sequence is per event.
  WITH ev AS MATERIALIZED (SELECT e.account_id, e.type, e.data FROM (${events}) e),
       numbered AS MATERIALIZED (SELECT nextval('webhook_event_sequence') AS sequence, ev.account_id, ev.type, ev.data FROM ev)
  INSERT INTO webhook_delivery (webhook_id, account_id, type, sequence, occurred_at, data)
  SELECT w.id, n.account_id, n.type, n.sequence, statement_timestamp(), n.data
    FROM numbered n JOIN webhook w ON w.account_id = n.account_id AND w.active AND w.events && ARRAY[n.type, '*']::text[];
  GET DIAGNOSTICS emitted = ROW_COUNT;
  IF emitted > 0 THEN PERFORM pg_notify('las_webhook', ''); END IF;
  RETURN NULL;
END
$$`;
}

interface Emitter {
  name: string;
  table: string;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  types: string[];
  events: string;
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
    events: `SELECT n.account_id, t.type, ${enrollmentData('n')} AS data
               FROM new_rows n JOIN "user" u ON u.id = n.user_id JOIN channel c ON c.id = n.channel_id
              CROSS JOIN LATERAL (VALUES ('enrollment.created', n.is_active), ('enrollment.completed', n.is_active AND n.status = 'finished')) t(type, fire)
              WHERE n.account_id = ANY(subscribed) AND t.fire`,
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
    events: `SELECT u.account_id, 'certificate.issued' AS type, ${certificateData('n')} AS data
               FROM new_rows n JOIN "user" u ON u.id = n.user_id JOIN certificate ce ON ce.id = n.certificate_id
              WHERE n.certification_date IS NOT NULL AND u.account_id = ANY(subscribed)`,
  },
  {
    name: 'las_webhook_user_certificate_update',
    table: 'user_certificate',
    op: 'UPDATE',
    types: ['certificate.issued'],
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
    for (const e of EMITTERS) {
      await queryRunner.query(emitter(e.name, e.types, e.events));
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
    await queryRunner.query(`DROP FUNCTION "las_webhook_iso"(timestamptz)`);
    await queryRunner.query(`DROP SEQUENCE "webhook_event_sequence"`);
  }
}
