import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the statement-level key checks of enrollment and pending_enrollment (SetBasedEnrollmentKeys) read
 * the statement's rows once instead of four times. The checks there counted the distinct keys, then locked the
 * parents by `IN (SELECT DISTINCT ...)` of the transition table again, per key: four hash aggregates over 25,000
 * rows in a bulk enroll, about 20 % of its enrollment INSERT. Here one pass collects each key's distinct values into
 * an array and the parents are locked by `= ANY(array)` (one index scan). Same locks (FOR KEY SHARE), same
 * refusal (23503, the same constraint name and detail), same rows checked on UPDATE.
 */
interface Key {
  name: string;
  column: string;
  parent: string;
}

const CHILDREN: { table: string; keys: Key[]; updateRows: string }[] = [
  {
    table: 'enrollment',
    keys: [
      { name: 'user', column: 'user_id', parent: 'user' },
      { name: 'channel', column: 'channel_id', parent: 'channel' },
    ],
    updateRows: `SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.user_id IS DISTINCT FROM n.user_id OR o.channel_id IS DISTINCT FROM n.channel_id`,
  },
  {
    table: 'pending_enrollment',
    keys: [{ name: 'channel', column: 'channel_id', parent: 'channel' }],
    updateRows: `SELECT * FROM new_rows`,
  },
];

function onePassCheck(table: string, keys: Key[], rows: string): string {
  const collect = `SELECT ${keys.map((k) => `array_agg(DISTINCT r."${k.column}")`).join(', ')} INTO ${keys.map((k) => `k_${k.name}`).join(', ')} FROM (${rows}) r;`;
  const checks = keys.map(
    (k) => `
  IF k_${k.name} IS NOT NULL THEN
    SELECT count(*) INTO locked FROM (SELECT 1 FROM "${k.parent}" p WHERE p."id" = ANY(k_${k.name}) FOR KEY SHARE OF p) l;
    IF locked <> cardinality(k_${k.name}) THEN
      SELECT w.id INTO missing FROM unnest(k_${k.name}) w(id) WHERE NOT EXISTS (SELECT 1 FROM "${k.parent}" p WHERE p."id" = w.id) LIMIT 1;
      RAISE EXCEPTION 'insert or update on table "${table}" violates foreign key "${table}_${k.name}"'
        USING ERRCODE = 'foreign_key_violation', TABLE = '${table}', CONSTRAINT = '${table}_${k.name}',
              DETAIL = format('Key (${k.column})=(%s) is not present in table "${k.parent}".', coalesce(missing::text, 'a row'));
    END IF;
  END IF;`,
  );
  return `
DECLARE ${keys.map((k) => `k_${k.name} uuid[];`).join(' ')} locked bigint; missing uuid;
BEGIN
  ${collect}${checks.join('')}
  RETURN NULL;
END`;
}

/** The functions as SetBasedEnrollmentKeys made them, for down(). */
function fourPassCheck(table: string, keys: Key[], rows: string): string {
  const check = (key: Key) => {
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
  };
  return `
DECLARE wanted bigint; locked bigint; missing uuid;
BEGIN${keys.map(check).join('')}
  RETURN NULL;
END`;
}

export class EnrollmentKeysOnePass1796196000000 implements MigrationInterface {
  name = 'EnrollmentKeysOnePass1796196000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, onePassCheck);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, fourPassCheck);
  }

  private async replace(queryRunner: QueryRunner, body: (table: string, keys: Key[], rows: string) => string): Promise<void> {
    for (const child of CHILDREN) {
      for (const [event, rows] of [
        ['insert', 'SELECT * FROM new_rows'],
        ['update', child.updateRows],
      ]) {
        await queryRunner.query(`CREATE OR REPLACE FUNCTION "las_${child.table}_parents_${event}"() RETURNS trigger LANGUAGE plpgsql AS $$${body(child.table, child.keys, rows)}
$$`);
      }
    }
  }
}
