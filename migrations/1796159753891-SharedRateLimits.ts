import { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedRateLimits1796159753891 implements MigrationInterface {
  name = 'SharedRateLimits1796159753891';

  // Hand-edited: UNLOGGED (counters, not records: no WAL write per counted request; a crash empties them,
  // which forgets at most one window of counts). TypeORM does not track persistence, so migration:check stays clean.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNLOGGED TABLE "login_failure" ("key" text NOT NULL, "failures" integer NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "locks" integer NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_856165bf0920dbc72cee5af7490" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_login_failure_window_start" ON "login_failure"  ("window_start") `);
    await queryRunner.query(`CREATE UNLOGGED TABLE "rate_limit_bucket" ("key" text NOT NULL, "hits" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f1310cfeb2b77745eb48247c6c7" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_rate_limit_bucket_expires" ON "rate_limit_bucket"  ("expires_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_rate_limit_bucket_expires"`);
    await queryRunner.query(`DROP TABLE "rate_limit_bucket"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_failure_window_start"`);
    await queryRunner.query(`DROP TABLE "login_failure"`);
  }
}
