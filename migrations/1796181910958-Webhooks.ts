import { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796181910958 implements MigrationInterface {
  name = 'Webhooks1796181910958';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "url" text NOT NULL, "events" text array NOT NULL, "description" text, "active" boolean NOT NULL DEFAULT true, "secret_encrypted" text NOT NULL, "previous_secret_encrypted" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "failing_since" TIMESTAMP WITH TIME ZONE, "disabled_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_active_account" ON "webhook"  ("account_id") WHERE "active"`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_account_created" ON "webhook"  ("account_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webhook_id" uuid NOT NULL, "account_id" uuid NOT NULL, "type" text NOT NULL, "sequence" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "data" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "last_status_code" integer, "last_error" text, "last_response" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_delivery_webhook_sequence" ON "webhook_delivery"  ("webhook_id", "sequence") `);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_delivery_lease" ON "webhook_delivery"  ("webhook_id", "lease_until") WHERE "status" = 'sending'`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_delivery_pending" ON "webhook_delivery"  ("webhook_id", "next_attempt_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE TABLE "webhook_event_batch" ("id" BIGSERIAL NOT NULL, "account_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "events" json, "lazy_type" text, "ids" uuid array, "sequences" bigint array, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_37b45acfdf03994a70b5c879057" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "webhook" ADD CONSTRAINT "FK_3ae1a08406062e51b04d02e5c7f" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_event_batch"`);
    await queryRunner.query(`ALTER TABLE "webhook" DROP CONSTRAINT "FK_3ae1a08406062e51b04d02e5c7f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_delivery_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_delivery_lease"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_delivery_webhook_sequence"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_account_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_active_account"`);
    await queryRunner.query(`DROP TABLE "webhook"`);
  }
}
