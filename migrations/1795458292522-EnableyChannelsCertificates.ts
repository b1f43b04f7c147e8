import { MigrationInterface, QueryRunner } from 'typeorm';

export class EnableyChannelsCertificates1795458292522 implements MigrationInterface {
  name = 'EnableyChannelsCertificates1795458292522';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "external_certificate_id" text NOT NULL, "name" text NOT NULL, "status" text NOT NULL DEFAULT 'ACTIVE', "expiration_duration" integer, "expiration_period" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_certificate_account_created" ON "certificate"  ("account_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_certificate_account_external_id" ON "certificate"  ("account_id", "external_certificate_id") `);
    await queryRunner.query(`CREATE TABLE "certificate_course" ("certificate_id" uuid NOT NULL, "channel_id" uuid NOT NULL, CONSTRAINT "PK_566f97fdba420a1054f98d6de18" PRIMARY KEY ("certificate_id", "channel_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_certificate_course_channel" ON "certificate_course"  ("channel_id") `);
    await queryRunner.query(`CREATE TABLE "user_certificate" ("user_id" uuid NOT NULL, "certificate_id" uuid NOT NULL, "is_required" boolean NOT NULL DEFAULT false, "certification_date" TIMESTAMP WITH TIME ZONE, "expiration_date" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fc4ea27e69de36341a85091b44e" PRIMARY KEY ("user_id", "certificate_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_user_certificate_certificate" ON "user_certificate"  ("certificate_id") `);
    await queryRunner.query(`CREATE TABLE "enabley_channel_group" ("channel_id" uuid NOT NULL, "group_id" uuid NOT NULL, "recursive" boolean NOT NULL DEFAULT false, "user_role" text NOT NULL DEFAULT 'LEARNER', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a0be768b19705e20b98b8c2abe3" PRIMARY KEY ("channel_id", "group_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_channel_group_group" ON "enabley_channel_group"  ("group_id") `);
    await queryRunner.query(`CREATE TABLE "enabley_channel_instructor" ("channel_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6486e01246621bc3b795f40ff09" PRIMARY KEY ("channel_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_channel_instructor_user" ON "enabley_channel_instructor"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "enabley_channel" ("channel_id" uuid NOT NULL, "sub_account_name" text, CONSTRAINT "PK_4f350e58c68dd33eb58e2932303" PRIMARY KEY ("channel_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_channel_sub_account" ON "enabley_channel"  ("sub_account_name", "channel_id") `);
    await queryRunner.query(`CREATE TABLE "enabley_training_event" ("content_item_id" uuid NOT NULL, "channel_id" uuid NOT NULL, "description" text, "from_date" TIMESTAMP WITH TIME ZONE, "until_date" TIMESTAMP WITH TIME ZONE, "all_day_event" boolean NOT NULL DEFAULT false, "include_grade" boolean NOT NULL DEFAULT false, "is_published" boolean NOT NULL DEFAULT true, "live_session" boolean NOT NULL DEFAULT false, "location" text, CONSTRAINT "PK_d1321d48b450bd9689fc1f22f1e" PRIMARY KEY ("content_item_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_training_event_channel" ON "enabley_training_event"  ("channel_id", "from_date") `);
    await queryRunner.query(`CREATE TABLE "enabley_catalog_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bef58f1d4ccf0f30f79ffd6a5fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enabley_catalog_item_channel" ON "enabley_catalog_item"  ("channel_id") `);
    await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "FK_f53f3f02dc7529dec2ec2061e72" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "certificate_course" ADD CONSTRAINT "FK_821f315192b527b9099270145cc" FOREIGN KEY ("certificate_id") REFERENCES "certificate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "certificate_course" ADD CONSTRAINT "FK_4722a2cc1c2799dd80fbe3f1f55" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_certificate" ADD CONSTRAINT "FK_d864923e83d81c7be1686664788" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_certificate" ADD CONSTRAINT "FK_444b24df3b05cf4853a57da1ec9" FOREIGN KEY ("certificate_id") REFERENCES "certificate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_channel_group" ADD CONSTRAINT "FK_bb8d60aa0a8951b77831285b80e" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_channel_group" ADD CONSTRAINT "FK_bba24bff7c3d1ab4185be5da1f3" FOREIGN KEY ("group_id") REFERENCES "enabley_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_channel_instructor" ADD CONSTRAINT "FK_952f5ea23703eccab6ca42c256d" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_channel_instructor" ADD CONSTRAINT "FK_269045c67c18a104b074ebdd6a6" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_channel" ADD CONSTRAINT "FK_4f350e58c68dd33eb58e2932303" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_training_event" ADD CONSTRAINT "FK_d1321d48b450bd9689fc1f22f1e" FOREIGN KEY ("content_item_id") REFERENCES "content_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_training_event" ADD CONSTRAINT "FK_a09252bb9d1dbf4d106899236d2" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_catalog_item" ADD CONSTRAINT "FK_d92756bcbfa233cf84084029613" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enabley_catalog_item" DROP CONSTRAINT "FK_d92756bcbfa233cf84084029613"`);
    await queryRunner.query(`ALTER TABLE "enabley_training_event" DROP CONSTRAINT "FK_a09252bb9d1dbf4d106899236d2"`);
    await queryRunner.query(`ALTER TABLE "enabley_training_event" DROP CONSTRAINT "FK_d1321d48b450bd9689fc1f22f1e"`);
    await queryRunner.query(`ALTER TABLE "enabley_channel" DROP CONSTRAINT "FK_4f350e58c68dd33eb58e2932303"`);
    await queryRunner.query(`ALTER TABLE "enabley_channel_instructor" DROP CONSTRAINT "FK_269045c67c18a104b074ebdd6a6"`);
    await queryRunner.query(`ALTER TABLE "enabley_channel_instructor" DROP CONSTRAINT "FK_952f5ea23703eccab6ca42c256d"`);
    await queryRunner.query(`ALTER TABLE "enabley_channel_group" DROP CONSTRAINT "FK_bba24bff7c3d1ab4185be5da1f3"`);
    await queryRunner.query(`ALTER TABLE "enabley_channel_group" DROP CONSTRAINT "FK_bb8d60aa0a8951b77831285b80e"`);
    await queryRunner.query(`ALTER TABLE "user_certificate" DROP CONSTRAINT "FK_444b24df3b05cf4853a57da1ec9"`);
    await queryRunner.query(`ALTER TABLE "user_certificate" DROP CONSTRAINT "FK_d864923e83d81c7be1686664788"`);
    await queryRunner.query(`ALTER TABLE "certificate_course" DROP CONSTRAINT "FK_4722a2cc1c2799dd80fbe3f1f55"`);
    await queryRunner.query(`ALTER TABLE "certificate_course" DROP CONSTRAINT "FK_821f315192b527b9099270145cc"`);
    await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "FK_f53f3f02dc7529dec2ec2061e72"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_enabley_catalog_item_channel"`);
    await queryRunner.query(`DROP TABLE "enabley_catalog_item"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_training_event_channel"`);
    await queryRunner.query(`DROP TABLE "enabley_training_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_channel_sub_account"`);
    await queryRunner.query(`DROP TABLE "enabley_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_channel_instructor_user"`);
    await queryRunner.query(`DROP TABLE "enabley_channel_instructor"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_channel_group_group"`);
    await queryRunner.query(`DROP TABLE "enabley_channel_group"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_certificate_certificate"`);
    await queryRunner.query(`DROP TABLE "user_certificate"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certificate_course_channel"`);
    await queryRunner.query(`DROP TABLE "certificate_course"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_certificate_account_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certificate_account_created"`);
    await queryRunner.query(`DROP TABLE "certificate"`);
  }
}
