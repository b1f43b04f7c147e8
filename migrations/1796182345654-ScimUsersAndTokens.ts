import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScimUsersAndTokens1796182345654 implements MigrationInterface {
  name = 'ScimUsersAndTokens1796182345654';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "scim_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a5715b8446ee4a9cc6c0f19054d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_scim_token_hash" ON "scim_token"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_scim_token_account" ON "scim_token"  ("account_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "scim_user" ("user_id" uuid NOT NULL, "account_id" uuid NOT NULL, "external_id" text, "email_type" text, "employee_number" text, "department" text, "organization" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_12a276d83f95205d713c5c553fe" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_scim_user_employee_number" ON "scim_user"  ("account_id", "employee_number") `);
    await queryRunner.query(`CREATE INDEX "IDX_scim_user_external_id" ON "scim_user"  ("account_id", "external_id") `);
    await queryRunner.query(`ALTER TABLE "scim_token" ADD CONSTRAINT "FK_586f848f6feec7dcc643ec9b3a7" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "scim_user" ADD CONSTRAINT "FK_12a276d83f95205d713c5c553fe" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scim_user" DROP CONSTRAINT "FK_12a276d83f95205d713c5c553fe"`);
    await queryRunner.query(`ALTER TABLE "scim_token" DROP CONSTRAINT "FK_586f848f6feec7dcc643ec9b3a7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scim_user_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scim_user_employee_number"`);
    await queryRunner.query(`DROP TABLE "scim_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_scim_token_account"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_scim_token_hash"`);
    await queryRunner.query(`DROP TABLE "scim_token"`);
  }
}
