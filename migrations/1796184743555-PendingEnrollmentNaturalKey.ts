import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * pending_enrollment is keyed by (account_id, email, channel_id), the unique key every statement uses
 * (ON CONFLICT, the bulk-enroll state lookup, claiming at sign-up): nothing refers to its surrogate uuid,
 * which cost a random uuid and a third index entry per row. The channel foreign key and its index stay.
 */
export class PendingEnrollmentNaturalKey1796184743555 implements MigrationInterface {
  name = 'PendingEnrollmentNaturalKey1796184743555';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_pending_enrollment_email_channel"`);
    await queryRunner.query(`ALTER TABLE "pending_enrollment" DROP CONSTRAINT "PK_b31eae68667b8ba1b08b5f0f677"`);
    await queryRunner.query(`ALTER TABLE "pending_enrollment" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "pending_enrollment" ADD CONSTRAINT "PK_deee1f38c59d4e793e4cb44308f" PRIMARY KEY ("account_id", "email", "channel_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pending_enrollment" DROP CONSTRAINT "PK_deee1f38c59d4e793e4cb44308f"`);
    await queryRunner.query(`ALTER TABLE "pending_enrollment" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "pending_enrollment" ADD CONSTRAINT "PK_b31eae68667b8ba1b08b5f0f677" PRIMARY KEY ("id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_pending_enrollment_email_channel" ON "pending_enrollment" USING btree ("account_id", "email", "channel_id")`);
  }
}
