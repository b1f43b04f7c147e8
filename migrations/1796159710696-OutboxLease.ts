import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxLease1796159710696 implements MigrationInterface {
  name = 'OutboxLease1796159710696';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "lease_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_notification_lease" ON "notification"  ("lease_until") WHERE "status" = 'sending'`);
    // Hand-written: rows a crashed worker left "sending" become claimable again at once (at-least-once).
    await queryRunner.query(`UPDATE "notification" SET "lease_until" = COALESCE("claimed_at", now()) WHERE "status" = 'sending'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_lease"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "lease_until"`);
  }
}
