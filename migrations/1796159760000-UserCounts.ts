import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model triggers): exact per-account user counts without a count(*) over
 * the account's users on every list call. Every change to "user" adds a delta row in the same
 * transaction, so a count is exactly what that transaction sees. Delta rows, not one counter row per
 * account: concurrent inserts into one account would otherwise serialise on that row's lock. Readers sum
 * the account's rows and fold them into one now and then (src/core/users/user-counts.ts).
 * Statement-level triggers with transition tables: a bulk INSERT of 100,000 users adds one row.
 * No foreign key to account: deleting an account cascades to its users, whose trigger then writes a
 * delta for the account being deleted.
 */
export class UserCounts1796159760000 implements MigrationInterface {
  name = 'UserCounts1796159760000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // No user write may slip between the backfill below and the triggers (held until the migration commits).
    await queryRunner.query(`LOCK TABLE "user" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`CREATE TABLE "user_count_delta" (
      "id" bigserial NOT NULL, "account_id" uuid NOT NULL, "users" integer NOT NULL, "superusers" integer NOT NULL,
      CONSTRAINT "PK_user_count_delta" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_user_count_delta_account" ON "user_count_delta" ("account_id") INCLUDE ("users", "superusers")`);
    await queryRunner.query(`CREATE FUNCTION "las_user_count_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "user_count_delta" ("account_id", "users", "superusers")
      SELECT account_id, count(*), count(*) FILTER (WHERE is_superuser) FROM new_rows GROUP BY account_id;
  ELSE
    INSERT INTO "user_count_delta" ("account_id", "users", "superusers")
      SELECT account_id, -count(*), -count(*) FILTER (WHERE is_superuser) FROM old_rows GROUP BY account_id;
  END IF;
  RETURN NULL;
END
$$`);
    // Moving a user between accounts or changing is_superuser is rare: a row trigger, filtered by WHEN, costs
    // ordinary updates nothing.
    await queryRunner.query(`CREATE FUNCTION "las_user_count_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "user_count_delta" ("account_id", "users", "superusers")
    VALUES (OLD.account_id, -1, -OLD.is_superuser::int), (NEW.account_id, 1, NEW.is_superuser::int);
  RETURN NULL;
END
$$`);
    await queryRunner.query(`CREATE FUNCTION "las_user_count_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "user_count_delta";
  RETURN NULL;
END
$$`);
    await queryRunner.query(`CREATE TRIGGER "TR_user_count_insert" AFTER INSERT ON "user" REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION "las_user_count_rows"()`);
    await queryRunner.query(`CREATE TRIGGER "TR_user_count_delete" AFTER DELETE ON "user" REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION "las_user_count_rows"()`);
    await queryRunner.query(`CREATE TRIGGER "TR_user_count_update" AFTER UPDATE OF "account_id", "is_superuser" ON "user" FOR EACH ROW
      WHEN (OLD."account_id" IS DISTINCT FROM NEW."account_id" OR OLD."is_superuser" IS DISTINCT FROM NEW."is_superuser")
      EXECUTE FUNCTION "las_user_count_update"()`);
    await queryRunner.query(`CREATE TRIGGER "TR_user_count_truncate" AFTER TRUNCATE ON "user" FOR EACH STATEMENT EXECUTE FUNCTION "las_user_count_truncate"()`);
    // The existing users.
    await queryRunner.query(`INSERT INTO "user_count_delta" ("account_id", "users", "superusers")
      SELECT account_id, count(*), count(*) FILTER (WHERE is_superuser) FROM "user" GROUP BY account_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const kind of ['insert', 'delete', 'update', 'truncate']) await queryRunner.query(`DROP TRIGGER "TR_user_count_${kind}" ON "user"`);
    for (const fn of ['rows', 'update', 'truncate']) await queryRunner.query(`DROP FUNCTION "las_user_count_${fn}"()`);
    await queryRunner.query(`DROP TABLE "user_count_delta"`);
  }
}
