import { MigrationInterface, QueryRunner } from 'typeorm';

export class Learning1795457596714 implements MigrationInterface {
  name = 'Learning1795457596714';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "channel" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "identifier" text NOT NULL, "name" text NOT NULL, "type" text NOT NULL DEFAULT 'COURSE', "status" text NOT NULL DEFAULT 'ACTIVE', "description" text, "start_date" TIMESTAMP WITH TIME ZONE, "end_date" TIMESTAMP WITH TIME ZONE, "duration" integer, "language" text, "categories" text array NOT NULL DEFAULT '{}', "tags" text array NOT NULL DEFAULT '{}', "image_url" text, "is_master" boolean NOT NULL DEFAULT false, "published" boolean NOT NULL DEFAULT true, "master_channel_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_590f33ee6ee7d76437acf362e39" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_channel_master" ON "channel"  ("master_channel_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_channel_account_type_created" ON "channel"  ("account_id", "type", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_channel_account_identifier" ON "channel"  ("account_id", "identifier") `);
    await queryRunner.query(`CREATE TABLE "content_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel_id" uuid NOT NULL, "identifier" text NOT NULL, "name" text NOT NULL, "optional" boolean NOT NULL DEFAULT false, "scored" boolean NOT NULL DEFAULT false, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_65d05a7056f7b695c9473ce43b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_content_item_channel_identifier" ON "content_item"  ("channel_id", "identifier") `);
    await queryRunner.query(`CREATE TABLE "content_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "content_item_id" uuid NOT NULL, "completed" boolean NOT NULL DEFAULT false, "score" integer, "time_spent_seconds" integer NOT NULL DEFAULT '0', "completed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dbe16fdd5729c6b1baa3de4ae69" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_content_progress_item" ON "content_progress"  ("content_item_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_content_progress_user_item" ON "content_progress"  ("user_id", "content_item_id") `);
    await queryRunner.query(`CREATE TABLE "enrollment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "user_id" uuid NOT NULL, "channel_id" uuid NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "mode" text NOT NULL DEFAULT 'honor', "source" text NOT NULL DEFAULT 'direct', "status" text NOT NULL DEFAULT 'not_started', "progress" integer NOT NULL DEFAULT '0', "score" integer, "time_spent_seconds" integer NOT NULL DEFAULT '0', "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e200c699fa93865cdcdd025885" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enrollment_account" ON "enrollment"  ("account_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_enrollment_channel_user" ON "enrollment"  ("channel_id", "user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enrollment_user_channel" ON "enrollment"  ("user_id", "channel_id") `);
    await queryRunner.query(`CREATE TABLE "pending_enrollment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "email" text NOT NULL, "channel_id" uuid NOT NULL, "auto_enroll" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b31eae68667b8ba1b08b5f0f677" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_pending_enrollment_channel" ON "pending_enrollment"  ("channel_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_pending_enrollment_email_channel" ON "pending_enrollment"  ("account_id", "email", "channel_id") `);
    await queryRunner.query(`ALTER TABLE "channel" ADD CONSTRAINT "FK_d33239ca8579301ec4c72d88ec3" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "channel" ADD CONSTRAINT "FK_9f45c121f6d257c6616158a4428" FOREIGN KEY ("master_channel_id") REFERENCES "channel"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "content_item" ADD CONSTRAINT "FK_9c8b86497fc5d0a31d6cfbb1fff" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "content_progress" ADD CONSTRAINT "FK_e97c75ac4825302ea74e4a05fc1" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "content_progress" ADD CONSTRAINT "FK_ad6ff7df7c7c99b45f2777075f4" FOREIGN KEY ("content_item_id") REFERENCES "content_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "FK_fc17c7e94154a17e767b7674f12" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "FK_cfe7aa30c294c32d3adef31c209" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pending_enrollment" ADD CONSTRAINT "FK_7c9fca311726ac10d151b84a372" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pending_enrollment" DROP CONSTRAINT "FK_7c9fca311726ac10d151b84a372"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_cfe7aa30c294c32d3adef31c209"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_fc17c7e94154a17e767b7674f12"`);
    await queryRunner.query(`ALTER TABLE "content_progress" DROP CONSTRAINT "FK_ad6ff7df7c7c99b45f2777075f4"`);
    await queryRunner.query(`ALTER TABLE "content_progress" DROP CONSTRAINT "FK_e97c75ac4825302ea74e4a05fc1"`);
    await queryRunner.query(`ALTER TABLE "content_item" DROP CONSTRAINT "FK_9c8b86497fc5d0a31d6cfbb1fff"`);
    await queryRunner.query(`ALTER TABLE "channel" DROP CONSTRAINT "FK_9f45c121f6d257c6616158a4428"`);
    await queryRunner.query(`ALTER TABLE "channel" DROP CONSTRAINT "FK_d33239ca8579301ec4c72d88ec3"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_pending_enrollment_email_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_pending_enrollment_channel"`);
    await queryRunner.query(`DROP TABLE "pending_enrollment"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_enrollment_user_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enrollment_channel_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enrollment_account"`);
    await queryRunner.query(`DROP TABLE "enrollment"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_content_progress_user_item"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_content_progress_item"`);
    await queryRunner.query(`DROP TABLE "content_progress"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_content_item_channel_identifier"`);
    await queryRunner.query(`DROP TABLE "content_item"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_channel_account_identifier"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_channel_account_type_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_channel_master"`);
    await queryRunner.query(`DROP TABLE "channel"`);
  }
}
