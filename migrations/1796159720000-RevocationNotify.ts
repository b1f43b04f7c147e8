import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model triggers): every change that ends a principal NOTIFYs
 * 'las_revocation' with `client:<client_id>`, `session:<id>` or `user:<id>` ('*' for a TRUNCATE or an
 * over-long client id), whatever code path made it. NOTIFY is delivered on commit, so caches in every
 * process drop the entry when the change becomes visible; the NOTICE tells the changing session itself
 * at once (src/core/database/change-feed.ts).
 */
export class RevocationNotify1796159720000 implements MigrationInterface {
  name = 'RevocationNotify1796159720000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "las_notify_revocation"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    payload := '*';
  ELSIF TG_TABLE_NAME = 'api_client' THEN
    payload := CASE WHEN octet_length(OLD.client_id) <= 7000 THEN 'client:' || OLD.client_id ELSE '*' END;
  ELSIF TG_TABLE_NAME = 'auth_session' THEN
    payload := 'session:' || OLD.id;
  ELSE
    payload := 'user:' || OLD.id;
  END IF;
  RAISE NOTICE 'las_revocation %', payload;
  PERFORM pg_notify('las_revocation', payload);
  RETURN NULL;
END
$$`);
    await queryRunner.query(`CREATE TRIGGER "TR_api_client_revocation_update" AFTER UPDATE OF "revoked_at", "account_id", "client_id" ON "api_client" FOR EACH ROW
      WHEN (OLD."revoked_at" IS DISTINCT FROM NEW."revoked_at" OR OLD."account_id" IS DISTINCT FROM NEW."account_id" OR OLD."client_id" IS DISTINCT FROM NEW."client_id")
      EXECUTE FUNCTION "las_notify_revocation"()`);
    await queryRunner.query(`CREATE TRIGGER "TR_auth_session_revocation_update" AFTER UPDATE OF "revoked_at", "expires_at", "user_id" ON "auth_session" FOR EACH ROW
      WHEN (OLD."revoked_at" IS DISTINCT FROM NEW."revoked_at" OR OLD."expires_at" IS DISTINCT FROM NEW."expires_at" OR OLD."user_id" IS DISTINCT FROM NEW."user_id")
      EXECUTE FUNCTION "las_notify_revocation"()`);
    await queryRunner.query(`CREATE TRIGGER "TR_user_revocation_update" AFTER UPDATE OF "is_active", "is_superuser", "account_id" ON "user" FOR EACH ROW
      WHEN (OLD."is_active" IS DISTINCT FROM NEW."is_active" OR OLD."is_superuser" IS DISTINCT FROM NEW."is_superuser" OR OLD."account_id" IS DISTINCT FROM NEW."account_id")
      EXECUTE FUNCTION "las_notify_revocation"()`);
    for (const table of ['api_client', 'auth_session', 'user']) {
      await queryRunner.query(`CREATE TRIGGER "TR_${table}_revocation_delete" AFTER DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "las_notify_revocation"()`);
      await queryRunner.query(`CREATE TRIGGER "TR_${table}_revocation_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "las_notify_revocation"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['api_client', 'auth_session', 'user']) {
      for (const kind of ['update', 'delete', 'truncate']) await queryRunner.query(`DROP TRIGGER "TR_${table}_revocation_${kind}" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "las_notify_revocation"()`);
  }
}
