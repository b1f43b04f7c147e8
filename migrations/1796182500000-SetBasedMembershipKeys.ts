import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model triggers). The two bulk membership tables keep the integrity of their
 * foreign keys, checked per statement instead of per row. A foreign key checks every inserted row with its own
 * query (one SPI call per row and key): 15,000 of them for 5,000 Kolibri memberships, 20,000 for 1,000 users x
 * 10 organizations, more than half of those requests' time (EXPLAIN ANALYZE "Trigger for constraint").
 *
 * - Child side: a statement trigger with a transition table locks every referenced parent FOR KEY SHARE (as the
 *   per-row check does: a concurrent delete of the parent waits for this transaction, or has committed and the
 *   parent is not found) and raises foreign_key_violation (23503) when one is missing.
 * - Parent side: deleting a user, a Kolibri collection or an organization deletes their memberships in the same
 *   statement (ON DELETE CASCADE, set-based); TRUNCATE of a parent empties the child, as TRUNCATE ... CASCADE did.
 * Parent keys are never updated (uuid ids), so ON UPDATE NO ACTION has no counterpart.
 * organization_member.department_id keeps its foreign key: it is usually NULL, which a foreign key does not check.
 */
const CHILDREN = [
  {
    table: 'kolibri_membership',
    drop: ['FK_6a4236d364462949824b85d090f', 'FK_8e00bf5c40ca058251783f067f5', 'FK_b564cdb250c40e76ed5f86602d4'],
    keys: [
      { name: 'user', columns: ['user_id'], parent: 'user' },
      { name: 'collection', columns: ['collection_id', 'facility_id'], parent: 'kolibri_collection' },
    ],
    restore: [
      `ALTER TABLE "kolibri_membership" ADD CONSTRAINT "FK_6a4236d364462949824b85d090f" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "kolibri_membership" ADD CONSTRAINT "FK_8e00bf5c40ca058251783f067f5" FOREIGN KEY ("collection_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "kolibri_membership" ADD CONSTRAINT "FK_b564cdb250c40e76ed5f86602d4" FOREIGN KEY ("facility_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    ],
  },
  {
    table: 'organization_member',
    drop: ['FK_273aa659a4afdcb614cdecbd667', 'FK_ce08825728e5afefdc6e682b8d7'],
    keys: [
      { name: 'user', columns: ['user_id'], parent: 'user' },
      { name: 'organization', columns: ['organization_id'], parent: 'organization' },
    ],
    restore: [
      `ALTER TABLE "organization_member" ADD CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "organization_member" ADD CONSTRAINT "FK_273aa659a4afdcb614cdecbd667" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    ],
  },
];

/** The parents a child's rows name, as one set per parent table (a Kolibri membership names two collections). */
function keyCheck(table: string, key: { name: string; columns: string[]; parent: string }): string {
  const ids = `SELECT DISTINCT k.id FROM (${key.columns.map((c) => `SELECT "${c}" FROM new_rows`).join(' UNION ALL ')}) AS k(id)`;
  return `
  SELECT count(*) INTO wanted FROM (${ids}) w;
  SELECT count(*) INTO locked FROM (SELECT 1 FROM "${key.parent}" p WHERE p."id" IN (${ids}) FOR KEY SHARE OF p) l;
  IF locked <> wanted THEN
    SELECT w.id INTO missing FROM (${ids}) w WHERE NOT EXISTS (SELECT 1 FROM "${key.parent}" p WHERE p."id" = w.id) LIMIT 1;
    RAISE EXCEPTION 'insert or update on table "${table}" violates foreign key "${table}_${key.name}"'
      USING ERRCODE = 'foreign_key_violation', TABLE = '${table}', CONSTRAINT = '${table}_${key.name}',
            DETAIL = format('Key (${key.columns.join(', ')}) names %s, which is not present in table "${key.parent}".', coalesce(missing::text, 'a row'));
  END IF;`;
}

/** Parent table -> the child deletions its deleted rows cascade to. */
const CASCADES: Record<string, string[]> = {
  user: [`DELETE FROM "kolibri_membership" c USING old_rows o WHERE c."user_id" = o."id"`, `DELETE FROM "organization_member" c USING old_rows o WHERE c."user_id" = o."id"`],
  kolibri_collection: [
    `DELETE FROM "kolibri_membership" c USING old_rows o WHERE c."collection_id" = o."id"`,
    `DELETE FROM "kolibri_membership" c USING old_rows o WHERE c."facility_id" = o."id"`,
  ],
  organization: [`DELETE FROM "organization_member" c USING old_rows o WHERE c."organization_id" = o."id"`],
};
const TRUNCATES: Record<string, string[]> = {
  user: ['kolibri_membership', 'organization_member'],
  kolibri_collection: ['kolibri_membership'],
  organization: ['organization_member'],
};

export class SetBasedMembershipKeys1796182500000 implements MigrationInterface {
  name = 'SetBasedMembershipKeys1796182500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const child of CHILDREN) {
      // No write may slip between dropping the foreign keys and the triggers (held until the migration commits).
      await queryRunner.query(`LOCK TABLE "${child.table}" IN SHARE ROW EXCLUSIVE MODE`);
      await queryRunner.query(`ALTER TABLE "${child.table}" ${child.drop.map((fk) => `DROP CONSTRAINT "${fk}"`).join(', ')}`);
      await queryRunner.query(`CREATE FUNCTION "las_${child.table}_parents"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE wanted bigint; locked bigint; missing uuid;
BEGIN${child.keys.map((k) => keyCheck(child.table, k)).join('')}
  RETURN NULL;
END
$$`);
      for (const event of ['INSERT', 'UPDATE']) {
        await queryRunner.query(`CREATE TRIGGER "TR_${child.table}_parents_${event.toLowerCase()}" AFTER ${event} ON "${child.table}"
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "las_${child.table}_parents"()`);
      }
    }
    for (const [parent, deletes] of Object.entries(CASCADES)) {
      await queryRunner.query(`CREATE FUNCTION "las_${parent}_membership_cascade"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${deletes.join(';\n  ')};
  RETURN NULL;
END
$$`);
      await queryRunner.query(`CREATE TRIGGER "TR_${parent}_membership_cascade" AFTER DELETE ON "${parent}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "las_${parent}_membership_cascade"()`);
      await queryRunner.query(`CREATE FUNCTION "las_${parent}_membership_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${TRUNCATES[parent].map((t) => `DELETE FROM "${t}"`).join(';\n  ')};
  RETURN NULL;
END
$$`);
      await queryRunner.query(`CREATE TRIGGER "TR_${parent}_membership_truncate" AFTER TRUNCATE ON "${parent}" FOR EACH STATEMENT EXECUTE FUNCTION "las_${parent}_membership_truncate"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const parent of Object.keys(CASCADES)) {
      for (const kind of ['cascade', 'truncate']) {
        await queryRunner.query(`DROP TRIGGER "TR_${parent}_membership_${kind}" ON "${parent}"`);
        await queryRunner.query(`DROP FUNCTION "las_${parent}_membership_${kind}"()`);
      }
    }
    for (const child of CHILDREN) {
      for (const event of ['insert', 'update']) await queryRunner.query(`DROP TRIGGER "TR_${child.table}_parents_${event}" ON "${child.table}"`);
      await queryRunner.query(`DROP FUNCTION "las_${child.table}_parents"()`);
      for (const sql of child.restore) await queryRunner.query(sql);
    }
  }
}
