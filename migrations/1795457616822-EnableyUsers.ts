import { MigrationInterface, QueryRunner } from 'typeorm';

export class EnableyUsers1795457616822 implements MigrationInterface {
  name = 'EnableyUsers1795457616822';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written: case-insensitive substring filters of the Enabley user lists (pg_trgm GIN on expressions,
    // which TypeORM cannot declare; marked synchronize:false in users/user-search-indexes.entity.ts).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "IDX_user_email_trgm" ON "user" USING gin (lower("email") gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_user_username_trgm" ON "user" USING gin (lower("username") gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_user_first_name_trgm" ON "user" USING gin (lower("first_name") gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_user_last_name_trgm" ON "user" USING gin (lower("last_name") gin_trgm_ops)`);
    await queryRunner.query(`CREATE TABLE "enabley_sub_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_742cd697cc4f6dbaf0e6ce36015" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enabley_sub_account_name" ON "enabley_sub_account"  ("account_id", "name") `);
    await queryRunner.query(`CREATE TABLE "enabley_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "identifier" text NOT NULL, "name" text NOT NULL, "type" text, "parent_id" uuid, "sub_account_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_794fddc10f9867e5d8e2e4129f5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_group_sub_account" ON "enabley_group"  ("sub_account_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_group_parent" ON "enabley_group"  ("parent_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enabley_group_identifier" ON "enabley_group"  ("account_id", "identifier") `);
    await queryRunner.query(`CREATE TABLE "enabley_group_member" ("group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0a23fdbf244b4a48dc78c3bf250" PRIMARY KEY ("group_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_group_member_user" ON "enabley_group_member"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "enabley_entitlement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "user_id" uuid NOT NULL, "entity_type" text NOT NULL, "entity_identifier" text NOT NULL, "user_role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eb0a400b9e32fcf8e41af28d046" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_entitlement_entity" ON "enabley_entitlement"  ("account_id", "entity_type", "entity_identifier") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enabley_entitlement" ON "enabley_entitlement"  ("user_id", "entity_type", "entity_identifier", "user_role") `);
    await queryRunner.query(`CREATE TABLE "enabley_user_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "identifier" text NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2aa3f2b8975104fa2244691314f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enabley_user_profile_identifier" ON "enabley_user_profile"  ("account_id", "identifier") `);
    await queryRunner.query(`CREATE TABLE "enabley_user_data" ("user_id" uuid NOT NULL, "possible_roles" text array NOT NULL DEFAULT '{}', "custom_attributes" jsonb, "address" text, "phone" text, "permissions" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_02bf55edaa1f170fbb5776eb28d" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "enabley_user_sub_account" ("user_id" uuid NOT NULL, "sub_account_id" uuid NOT NULL, CONSTRAINT "PK_5c7a780cf53fbe17f285687395a" PRIMARY KEY ("user_id", "sub_account_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_user_sub_account_sub" ON "enabley_user_sub_account"  ("sub_account_id") `);
    await queryRunner.query(`CREATE TABLE "enabley_user_profile_member" ("profile_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d35d03371b1a7ef11c77f144b6d" PRIMARY KEY ("profile_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enabley_user_profile_member_user" ON "enabley_user_profile_member"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "enabley_sub_account" ADD CONSTRAINT "FK_e3bec46f7d16566a1ca42c550bd" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_group" ADD CONSTRAINT "FK_bd68945eb165c356b25f9da1af4" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_group" ADD CONSTRAINT "FK_9ac8bf59e8da5ed89b126a38adc" FOREIGN KEY ("parent_id") REFERENCES "enabley_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_group" ADD CONSTRAINT "FK_df4c74fe24cf35548370106fa7b" FOREIGN KEY ("sub_account_id") REFERENCES "enabley_sub_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_group_member" ADD CONSTRAINT "FK_c9dfd6b1b5cdb5e1291c98a7075" FOREIGN KEY ("group_id") REFERENCES "enabley_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_group_member" ADD CONSTRAINT "FK_04323bdebc6d3764fab1e8c7c9e" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_entitlement" ADD CONSTRAINT "FK_84937972c4998134dd0d728f390" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_entitlement" ADD CONSTRAINT "FK_b5d93bf608747742e744e1895f7" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_user_profile" ADD CONSTRAINT "FK_8f4e99d87c895be6cfc1cc46d07" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_user_data" ADD CONSTRAINT "FK_02bf55edaa1f170fbb5776eb28d" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_user_sub_account" ADD CONSTRAINT "FK_e6f00deafa4d8616b4e6bc8ccc8" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_user_sub_account" ADD CONSTRAINT "FK_75b2efb1487988db16c89af6d84" FOREIGN KEY ("sub_account_id") REFERENCES "enabley_sub_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_user_profile_member" ADD CONSTRAINT "FK_ccfcb13883c005bc138a8cc2467" FOREIGN KEY ("profile_id") REFERENCES "enabley_user_profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enabley_user_profile_member" ADD CONSTRAINT "FK_e349454e334b9453420c43d9452" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_user_last_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_first_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_username_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_email_trgm"`);
    await queryRunner.query(`ALTER TABLE "enabley_user_profile_member" DROP CONSTRAINT "FK_e349454e334b9453420c43d9452"`);
    await queryRunner.query(`ALTER TABLE "enabley_user_profile_member" DROP CONSTRAINT "FK_ccfcb13883c005bc138a8cc2467"`);
    await queryRunner.query(`ALTER TABLE "enabley_user_sub_account" DROP CONSTRAINT "FK_75b2efb1487988db16c89af6d84"`);
    await queryRunner.query(`ALTER TABLE "enabley_user_sub_account" DROP CONSTRAINT "FK_e6f00deafa4d8616b4e6bc8ccc8"`);
    await queryRunner.query(`ALTER TABLE "enabley_user_data" DROP CONSTRAINT "FK_02bf55edaa1f170fbb5776eb28d"`);
    await queryRunner.query(`ALTER TABLE "enabley_user_profile" DROP CONSTRAINT "FK_8f4e99d87c895be6cfc1cc46d07"`);
    await queryRunner.query(`ALTER TABLE "enabley_entitlement" DROP CONSTRAINT "FK_b5d93bf608747742e744e1895f7"`);
    await queryRunner.query(`ALTER TABLE "enabley_entitlement" DROP CONSTRAINT "FK_84937972c4998134dd0d728f390"`);
    await queryRunner.query(`ALTER TABLE "enabley_group_member" DROP CONSTRAINT "FK_04323bdebc6d3764fab1e8c7c9e"`);
    await queryRunner.query(`ALTER TABLE "enabley_group_member" DROP CONSTRAINT "FK_c9dfd6b1b5cdb5e1291c98a7075"`);
    await queryRunner.query(`ALTER TABLE "enabley_group" DROP CONSTRAINT "FK_df4c74fe24cf35548370106fa7b"`);
    await queryRunner.query(`ALTER TABLE "enabley_group" DROP CONSTRAINT "FK_9ac8bf59e8da5ed89b126a38adc"`);
    await queryRunner.query(`ALTER TABLE "enabley_group" DROP CONSTRAINT "FK_bd68945eb165c356b25f9da1af4"`);
    await queryRunner.query(`ALTER TABLE "enabley_sub_account" DROP CONSTRAINT "FK_e3bec46f7d16566a1ca42c550bd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_user_profile_member_user"`);
    await queryRunner.query(`DROP TABLE "enabley_user_profile_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_user_sub_account_sub"`);
    await queryRunner.query(`DROP TABLE "enabley_user_sub_account"`);
    await queryRunner.query(`DROP TABLE "enabley_user_data"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_enabley_user_profile_identifier"`);
    await queryRunner.query(`DROP TABLE "enabley_user_profile"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_enabley_entitlement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_entitlement_entity"`);
    await queryRunner.query(`DROP TABLE "enabley_entitlement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_group_member_user"`);
    await queryRunner.query(`DROP TABLE "enabley_group_member"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_enabley_group_identifier"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_group_parent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enabley_group_sub_account"`);
    await queryRunner.query(`DROP TABLE "enabley_group"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_enabley_sub_account_name"`);
    await queryRunner.query(`DROP TABLE "enabley_sub_account"`);
  }
}
