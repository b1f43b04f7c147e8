import { MigrationInterface, QueryRunner } from 'typeorm';

export class Triboo1795458842894 implements MigrationInterface {
  name = 'Triboo1795458842894';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "triboo_enrollment_audit" ("id" BIGSERIAL NOT NULL, "account_id" uuid NOT NULL, "channel_id" uuid NOT NULL, "action" text NOT NULL, "enrolled_by" text NOT NULL, "entries" integer NOT NULL, "identifiers" text array NOT NULL, "emails" text array NOT NULL, "user_ids" integer array NOT NULL, "usernames" text array NOT NULL, "state_transitions" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c520da0b627a164a799d0a1cbd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_triboo_enrollment_audit_channel_id" ON "triboo_enrollment_audit"  ("channel_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_triboo_enrollment_audit_account_id" ON "triboo_enrollment_audit"  ("account_id", "id") `);
    await queryRunner.query(`CREATE TABLE "triboo_course_catalog" ("channel_id" uuid NOT NULL, "overview_url" text, "banner_image_url" text, "instructors" text array NOT NULL DEFAULT '{}', "effort" text, "countries" text array NOT NULL DEFAULT '{}', "learning_groups" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_692a55e9965711d36dea669ec0b" PRIMARY KEY ("channel_id"))`);
    await queryRunner.query(`CREATE TABLE "triboo_user_group" ("user_id" uuid NOT NULL, "group_name" text NOT NULL, "account_id" uuid NOT NULL, CONSTRAINT "PK_7d627fd09cd6c5ee8295445b685" PRIMARY KEY ("user_id", "group_name"))`);
    await queryRunner.query(`CREATE INDEX "IDX_triboo_user_group_account_group" ON "triboo_user_group"  ("account_id", "group_name") `);
    await queryRunner.query(`CREATE TABLE "triboo_user_profile" ("user_id" uuid NOT NULL, "account_id" uuid NOT NULL, "is_staff" boolean NOT NULL DEFAULT false, "is_superuser" boolean NOT NULL DEFAULT false, "language" text NOT NULL DEFAULT '', "location" text NOT NULL DEFAULT '', "year_of_birth" integer, "bio" text, "goals" text, "level_of_education" text, "gender" text, "city" text, "country" text NOT NULL DEFAULT '', "lt_custom_country" text, "lt_area" text, "lt_sub_area" text, "lt_address" text, "lt_address_2" text, "lt_phone_number" text, "lt_gdpr" boolean NOT NULL DEFAULT false, "lt_company" text, "lt_employee_id" text, "lt_hire_date" text, "lt_level" text, "lt_job_code" text, "lt_job_description" text, "lt_department" text, "lt_supervisor" text, "lt_learning_group" text, "lt_exempt_status" boolean NOT NULL DEFAULT true, "lt_is_tos_agreed" boolean NOT NULL DEFAULT false, "lt_comments" text, "lt_ilt_supervisor" text, CONSTRAINT "PK_206114de65a8f4a1e3f8adb42b2" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_triboo_user_profile_account_supervisor" ON "triboo_user_profile"  ("account_id", "lt_supervisor") `);
    await queryRunner.query(`CREATE INDEX "IDX_user_account_user_id" ON "user"  ("account_id", "user_id") `);
    await queryRunner.query(`ALTER TABLE "triboo_enrollment_audit" ADD CONSTRAINT "FK_971a0fe1bc349f8799f09e8815a" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "triboo_course_catalog" ADD CONSTRAINT "FK_692a55e9965711d36dea669ec0b" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "triboo_user_group" ADD CONSTRAINT "FK_880624b95c9809df263cd8dc8cd" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "triboo_user_group" ADD CONSTRAINT "FK_977537e58e7abafe781afdb3bea" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "triboo_user_profile" ADD CONSTRAINT "FK_206114de65a8f4a1e3f8adb42b2" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "triboo_user_profile" ADD CONSTRAINT "FK_0b18ccc62701c2d2b6b3a337c62" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "triboo_user_profile" DROP CONSTRAINT "FK_0b18ccc62701c2d2b6b3a337c62"`);
    await queryRunner.query(`ALTER TABLE "triboo_user_profile" DROP CONSTRAINT "FK_206114de65a8f4a1e3f8adb42b2"`);
    await queryRunner.query(`ALTER TABLE "triboo_user_group" DROP CONSTRAINT "FK_977537e58e7abafe781afdb3bea"`);
    await queryRunner.query(`ALTER TABLE "triboo_user_group" DROP CONSTRAINT "FK_880624b95c9809df263cd8dc8cd"`);
    await queryRunner.query(`ALTER TABLE "triboo_course_catalog" DROP CONSTRAINT "FK_692a55e9965711d36dea669ec0b"`);
    await queryRunner.query(`ALTER TABLE "triboo_enrollment_audit" DROP CONSTRAINT "FK_971a0fe1bc349f8799f09e8815a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_account_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_triboo_user_profile_account_supervisor"`);
    await queryRunner.query(`DROP TABLE "triboo_user_profile"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_triboo_user_group_account_group"`);
    await queryRunner.query(`DROP TABLE "triboo_user_group"`);
    await queryRunner.query(`DROP TABLE "triboo_course_catalog"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_triboo_enrollment_audit_account_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_triboo_enrollment_audit_channel_id"`);
    await queryRunner.query(`DROP TABLE "triboo_enrollment_audit"`);
  }
}
