import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated, plus one hand-written backfill: deliveries finished before this migration get a `finished_at`
 * (a succeeded one's `delivered_at`; a failed one's last attempt is not recorded, so its `next_attempt_at`,
 * the retry that was planned after it, capped at now), or the retention sweep would never delete them.
 */
export class WebhookDeliveryRetention1796226303838 implements MigrationInterface {
  name = 'WebhookDeliveryRetention1796226303838';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_delivery" ADD "finished_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "webhook_delivery" SET "finished_at" = COALESCE("delivered_at", LEAST("next_attempt_at", now())) WHERE "status" IN ('succeeded', 'failed')`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_webhook_delivery_finished" ON "webhook_delivery"  ("finished_at") WHERE "status" IN ('succeeded', 'failed')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_delivery_finished"`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP COLUMN "finished_at"`);
  }
}
