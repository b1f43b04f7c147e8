import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsOutbox1795457666884 implements MigrationInterface {
  name = 'NotificationsOutbox1795457666884';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "account_id" uuid NOT NULL, "user_id" uuid, "to_address" text, "subject" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notification_key" ON "notification"  ("key") `);
    await queryRunner.query(`CREATE INDEX "IDX_notification_account" ON "notification"  ("account_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_notification_user" ON "notification"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_notification_pending" ON "notification"  ("next_attempt_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_6bfa96ab97f1a09d73091294efc" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_6bfa96ab97f1a09d73091294efc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_account"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notification_key"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
