import { MigrationInterface, QueryRunner } from 'typeorm';

export class Kolibri1795457908086 implements MigrationInterface {
  name = 'Kolibri1795457908086';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "kolibri_collection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "parent_id" uuid, "facility_id" uuid, "last_successful_sync" TIMESTAMP WITH TIME ZONE, "last_failed_sync" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2358f1f37a042eef5bc321ef746" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_kolibri_collection_parent_name" ON "kolibri_collection"  ("parent_id", "name") `);
    await queryRunner.query(`CREATE INDEX "IDX_kolibri_collection_facility_kind" ON "kolibri_collection"  ("facility_id", "kind") `);
    await queryRunner.query(`CREATE INDEX "IDX_kolibri_collection_account_kind" ON "kolibri_collection"  ("account_id", "kind") `);
    await queryRunner.query(`CREATE TABLE "kolibri_facility_dataset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "facility_id" uuid NOT NULL, "account_id" uuid NOT NULL, "learner_can_edit_username" boolean NOT NULL DEFAULT true, "learner_can_edit_name" boolean NOT NULL DEFAULT true, "learner_can_edit_password" boolean NOT NULL DEFAULT true, "learner_can_sign_up" boolean NOT NULL DEFAULT true, "learner_can_delete_account" boolean NOT NULL DEFAULT true, "learner_can_login_with_no_password" boolean NOT NULL DEFAULT false, "show_download_button_in_learn" boolean NOT NULL DEFAULT true, "extra_fields" jsonb NOT NULL DEFAULT '{}', "description" text NOT NULL DEFAULT '', "location" text NOT NULL DEFAULT '', "registered" boolean NOT NULL DEFAULT false, "preset" text NOT NULL DEFAULT 'nonformal', CONSTRAINT "CHK_kolibri_dataset_password" CHECK (NOT (learner_can_login_with_no_password AND learner_can_edit_password)), CONSTRAINT "PK_90441dc441894e26e389c1af885" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_kolibri_dataset_facility" ON "kolibri_facility_dataset"  ("facility_id") `);
    await queryRunner.query(`CREATE TABLE "kolibri_facility_user" ("user_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "account_id" uuid NOT NULL, "username" text NOT NULL, CONSTRAINT "PK_956b7a45683ab754fe02ee68e3a" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_kolibri_facility_user_account" ON "kolibri_facility_user"  ("account_id", "username") `);
    // Hand-written: usernames are unique per facility case-insensitively (TypeORM cannot declare expression indexes).
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_kolibri_facility_user_username" ON "kolibri_facility_user" ("facility_id", lower("username"))`);
    await queryRunner.query(`CREATE INDEX "IDX_kolibri_facility_user_facility" ON "kolibri_facility_user"  ("facility_id", "username") `);
    await queryRunner.query(`CREATE TABLE "kolibri_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "user_id" uuid NOT NULL, "collection_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fe14e87aa7504cec627c760dc09" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_kolibri_membership_facility" ON "kolibri_membership"  ("facility_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_kolibri_membership_collection" ON "kolibri_membership"  ("collection_id", "user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_kolibri_membership_user_collection" ON "kolibri_membership"  ("user_id", "collection_id") `);
    await queryRunner.query(`CREATE TABLE "kolibri_role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "user_id" uuid NOT NULL, "collection_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "kind" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00e6bb35a7216ed25a155333044" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_kolibri_role_facility" ON "kolibri_role"  ("facility_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_kolibri_role_collection" ON "kolibri_role"  ("collection_id", "kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_kolibri_role_user_collection_kind" ON "kolibri_role"  ("user_id", "collection_id", "kind") `);
    await queryRunner.query(`ALTER TABLE "kolibri_collection" ADD CONSTRAINT "FK_9ddcc2a60a7149d0b53442cada9" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_collection" ADD CONSTRAINT "FK_02c6252310acdd91dcdfd4e9722" FOREIGN KEY ("parent_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_collection" ADD CONSTRAINT "FK_b81e08ebed71aaca4d6ee3615d6" FOREIGN KEY ("facility_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_facility_dataset" ADD CONSTRAINT "FK_d53970ed809b729748547e5ef53" FOREIGN KEY ("facility_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_facility_user" ADD CONSTRAINT "FK_956b7a45683ab754fe02ee68e3a" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_facility_user" ADD CONSTRAINT "FK_f51ffb76b4d7ae23b89ba216c9c" FOREIGN KEY ("facility_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_membership" ADD CONSTRAINT "FK_6a4236d364462949824b85d090f" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_membership" ADD CONSTRAINT "FK_8e00bf5c40ca058251783f067f5" FOREIGN KEY ("collection_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_membership" ADD CONSTRAINT "FK_b564cdb250c40e76ed5f86602d4" FOREIGN KEY ("facility_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_role" ADD CONSTRAINT "FK_54fcf82b5384c748dd96a65a7d0" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_role" ADD CONSTRAINT "FK_8425914d2c8a65e9b8409140293" FOREIGN KEY ("collection_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kolibri_role" ADD CONSTRAINT "FK_ad229f64e77c399559d1d9fd2dd" FOREIGN KEY ("facility_id") REFERENCES "kolibri_collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kolibri_role" DROP CONSTRAINT "FK_ad229f64e77c399559d1d9fd2dd"`);
    await queryRunner.query(`ALTER TABLE "kolibri_role" DROP CONSTRAINT "FK_8425914d2c8a65e9b8409140293"`);
    await queryRunner.query(`ALTER TABLE "kolibri_role" DROP CONSTRAINT "FK_54fcf82b5384c748dd96a65a7d0"`);
    await queryRunner.query(`ALTER TABLE "kolibri_membership" DROP CONSTRAINT "FK_b564cdb250c40e76ed5f86602d4"`);
    await queryRunner.query(`ALTER TABLE "kolibri_membership" DROP CONSTRAINT "FK_8e00bf5c40ca058251783f067f5"`);
    await queryRunner.query(`ALTER TABLE "kolibri_membership" DROP CONSTRAINT "FK_6a4236d364462949824b85d090f"`);
    await queryRunner.query(`ALTER TABLE "kolibri_facility_user" DROP CONSTRAINT "FK_f51ffb76b4d7ae23b89ba216c9c"`);
    await queryRunner.query(`ALTER TABLE "kolibri_facility_user" DROP CONSTRAINT "FK_956b7a45683ab754fe02ee68e3a"`);
    await queryRunner.query(`ALTER TABLE "kolibri_facility_dataset" DROP CONSTRAINT "FK_d53970ed809b729748547e5ef53"`);
    await queryRunner.query(`ALTER TABLE "kolibri_collection" DROP CONSTRAINT "FK_b81e08ebed71aaca4d6ee3615d6"`);
    await queryRunner.query(`ALTER TABLE "kolibri_collection" DROP CONSTRAINT "FK_02c6252310acdd91dcdfd4e9722"`);
    await queryRunner.query(`ALTER TABLE "kolibri_collection" DROP CONSTRAINT "FK_9ddcc2a60a7149d0b53442cada9"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_kolibri_role_user_collection_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_kolibri_role_collection"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_kolibri_role_facility"`);
    await queryRunner.query(`DROP TABLE "kolibri_role"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_kolibri_membership_user_collection"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_kolibri_membership_collection"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_kolibri_membership_facility"`);
    await queryRunner.query(`DROP TABLE "kolibri_membership"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_kolibri_facility_user_facility"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_kolibri_facility_user_username"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_kolibri_facility_user_account"`);
    await queryRunner.query(`DROP TABLE "kolibri_facility_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_kolibri_dataset_facility"`);
    await queryRunner.query(`DROP TABLE "kolibri_facility_dataset"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_kolibri_collection_account_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_kolibri_collection_facility_kind"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_kolibri_collection_parent_name"`);
    await queryRunner.query(`DROP TABLE "kolibri_collection"`);
  }
}
