import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model triggers). enrollment (user_id, channel_id) and pending_enrollment
 * (channel_id) keep the integrity of their foreign keys, checked per statement instead of per row: a foreign key
 * runs one query per inserted row and key, 50,000 of them for a bulk enroll of 5,000 users x 5 courses plus
 * 25,000 for its pre-enrollments (EXPLAIN ANALYZE "Trigger for constraint": about 40 % of the enrollment INSERT
 * and more than half of the pending_enrollment INSERT). Same pattern as SetBasedMembershipKeys.
 *
 * - Child side: a statement trigger with a transition table locks every referenced parent FOR KEY SHARE (as the
 *   per-row check does: a concurrent delete of the parent waits for this transaction, or has committed and the
 *   parent is not found) and raises foreign_key_violation (23503) when one is missing. An UPDATE checks only the
 *   keys it changes, as a foreign key does (enrollment rows are paired by id; pending_enrollment has no surrogate
 *   key, so an UPDATE of it checks the channels of all its rows: a handful of channels).
 * - Parent side: deleting a user or a channel deletes its enrollments and pre-enrollments in the same statement
 *   (ON DELETE CASCADE, set-based); TRUNCATE of a parent empties the children, as TRUNCATE ... CASCADE did.
 * Parent keys are never updated (uuid ids), so ON UPDATE NO ACTION has no counterpart.
 */
interface Key {
  name: string;
  column: string;
  parent: string;
}

const CHILDREN: { table: string; drop: string[]; keys: Key[]; updateRows: string; restore: string[] }[] = [
  {
    table: 'enrollment',
    drop: ['FK_fc17c7e94154a17e767b7674f12', 'FK_cfe7aa30c294c32d3adef31c209'],
    keys: [
      { name: 'user', column: 'user_id', parent: 'user' },
      { name: 'channel', column: 'channel_id', parent: 'channel' },
    ],
    // Only the rows whose key the UPDATE changed: reactivating 25,000 enrollments checks nothing.
    updateRows: `SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.user_id IS DISTINCT FROM n.user_id OR o.channel_id IS DISTINCT FROM n.channel_id`,
    restore: [
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_fc17c7e94154a17e767b7674f12" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_cfe7aa30c294c32d3adef31c209" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    ],
  },
  {
    table: 'pending_enrollment',
    drop: ['FK_7c9fca311726ac10d151b84a372'],
    keys: [{ name: 'channel', column: 'channel_id', parent: 'channel' }],
    updateRows: `SELECT * FROM new_rows`,
    restore: [
      `ALTER TABLE "pending_enrollment" ADD CONSTRAINT "FK_7c9fca311726ac10d151b84a372" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    ],
  },
];

/** The check of one key over `rows` (a query of the statement's rows to check). */
function keyCheck(table: string, key: Key, rows: string): string {
  const ids = `SELECT DISTINCT r."${key.column}" FROM (${rows}) r`;
  return `
  SELECT count(*) INTO wanted FROM (${ids}) w;
  IF wanted > 0 THEN
    SELECT count(*) INTO locked FROM (SELECT 1 FROM "${key.parent}" p WHERE p."id" IN (${ids}) FOR KEY SHARE OF p) l;
    IF locked <> wanted THEN
      SELECT w.id INTO missing FROM (${ids}) w(id) WHERE NOT EXISTS (SELECT 1 FROM "${key.parent}" p WHERE p."id" = w.id) LIMIT 1;
      RAISE EXCEPTION 'insert or update on table "${table}" violates foreign key "${table}_${key.name}"'
        USING ERRCODE = 'foreign_key_violation', TABLE = '${table}', CONSTRAINT = '${table}_${key.name}',
              DETAIL = format('Key (${key.column})=(%s) is not present in table "${key.parent}".', coalesce(missing::text, 'a row'));
    END IF;
  END IF;`;
}

/** Parent table -> the child deletions its deleted rows cascade to. */
const CASCADES: Record<string, string[]> = {
  user: [`DELETE FROM "enrollment" c USING old_rows o WHERE c."user_id" = o."id"`],
  channel: [`DELETE FROM "enrollment" c USING old_rows o WHERE c."channel_id" = o."id"`, `DELETE FROM "pending_enrollment" c USING old_rows o WHERE c."channel_id" = o."id"`],
};
const TRUNCATES: Record<string, string[]> = {
  user: ['enrollment'],
  channel: ['enrollment', 'pending_enrollment'],
};

export class SetBasedEnrollmentKeys1796185000000 implements MigrationInterface {
  name = 'SetBasedEnrollmentKeys1796185000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const child of CHILDREN) {
      // No write may slip between dropping the foreign keys and the triggers (held until the migration commits).
      await queryRunner.query(`LOCK TABLE "${child.table}" IN SHARE ROW EXCLUSIVE MODE`);
      await queryRunner.query(`ALTER TABLE "${child.table}" ${child.drop.map((fk) => `DROP CONSTRAINT "${fk}"`).join(', ')}`);
      for (const [event, rows] of [
        ['insert', 'SELECT * FROM new_rows'],
        ['update', child.updateRows],
      ]) {
        await queryRunner.query(`CREATE FUNCTION "las_${child.table}_parents_${event}"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE wanted bigint; locked bigint; missing uuid;
BEGIN${child.keys.map((k) => keyCheck(child.table, k, rows)).join('')}
  RETURN NULL;
END
$$`);
        await queryRunner.query(`CREATE TRIGGER "TR_${child.table}_parents_${event}" AFTER ${event.toUpperCase()} ON "${child.table}"
          REFERENCING ${event === 'update' ? 'OLD TABLE AS old_rows ' : ''}NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "las_${child.table}_parents_${event}"()`);
      }
    }
    for (const [parent, deletes] of Object.entries(CASCADES)) {
      await queryRunner.query(`CREATE FUNCTION "las_${parent}_enrollment_cascade"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${deletes.join(';\n  ')};
  RETURN NULL;
END
$$`);
      await queryRunner.query(`CREATE TRIGGER "TR_${parent}_enrollment_cascade" AFTER DELETE ON "${parent}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "las_${parent}_enrollment_cascade"()`);
      await queryRunner.query(`CREATE FUNCTION "las_${parent}_enrollment_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${TRUNCATES[parent].map((t) => `DELETE FROM "${t}"`).join(';\n  ')};
  RETURN NULL;
END
$$`);
      await queryRunner.query(`CREATE TRIGGER "TR_${parent}_enrollment_truncate" AFTER TRUNCATE ON "${parent}" FOR EACH STATEMENT EXECUTE FUNCTION "las_${parent}_enrollment_truncate"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const parent of Object.keys(CASCADES)) {
      for (const kind of ['cascade', 'truncate']) {
        await queryRunner.query(`DROP TRIGGER "TR_${parent}_enrollment_${kind}" ON "${parent}"`);
        await queryRunner.query(`DROP FUNCTION "las_${parent}_enrollment_${kind}"()`);
      }
    }
    for (const child of CHILDREN) {
      for (const event of ['insert', 'update']) {
        await queryRunner.query(`DROP TRIGGER "TR_${child.table}_parents_${event}" ON "${child.table}"`);
        await queryRunner.query(`DROP FUNCTION "las_${child.table}_parents_${event}"()`);
      }
      for (const sql of child.restore) await queryRunner.query(sql);
    }
  }
}
