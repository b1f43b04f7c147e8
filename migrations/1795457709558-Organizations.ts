import { MigrationInterface, QueryRunner } from 'typeorm';

export class Organizations1795457709558 implements MigrationInterface {
  name = 'Organizations1795457709558';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "owner_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_organization_owner" ON "organization"  ("owner_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_organization_account_code" ON "organization"  ("account_id", "code") `);
    // Hand-edited: the two level enums are shared by departments and members, created once (ordered lowest first).
    await queryRunner.query(`CREATE TYPE "public"."organization_level" AS ENUM('member', 'teacher', 'supervisor', 'admin')`);
    await queryRunner.query(`CREATE TYPE "public"."content_level" AS ENUM('none', 'view', 'control', 'modify', 'grant', 'admin')`);
    await queryRunner.query(`CREATE TABLE "organization_department" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "permission_organization" "public"."organization_level" NOT NULL DEFAULT 'member', "permission_content" "public"."content_level" NOT NULL DEFAULT 'none', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6bc7ba541f5d542483eea88d4f8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_organization_department_name" ON "organization_department"  ("organization_id", "name") `);
    await queryRunner.query(`CREATE TABLE "organization_member" ("organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "department_id" uuid, "permission_organization" "public"."organization_level" NOT NULL DEFAULT 'member', "permission_content" "public"."content_level" NOT NULL DEFAULT 'none', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ade1a22b88a5464464fe520d070" PRIMARY KEY ("organization_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_organization_member_user" ON "organization_member"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_organization_member_department" ON "organization_member"  ("department_id") `);
    await queryRunner.query(`ALTER TABLE "organization" ADD CONSTRAINT "FK_5865830635bbaf5c95135a5fdce" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization" ADD CONSTRAINT "FK_44b825ff54ae787d79fb347c625" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization_department" ADD CONSTRAINT "FK_8703e595bd4ec6536a4def005cd" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization_member" ADD CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization_member" ADD CONSTRAINT "FK_273aa659a4afdcb614cdecbd667" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization_member" ADD CONSTRAINT "FK_5a8adcb2931a87340fe05d05bbe" FOREIGN KEY ("department_id") REFERENCES "organization_department"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization_member" DROP CONSTRAINT "FK_5a8adcb2931a87340fe05d05bbe"`);
    await queryRunner.query(`ALTER TABLE "organization_member" DROP CONSTRAINT "FK_273aa659a4afdcb614cdecbd667"`);
    await queryRunner.query(`ALTER TABLE "organization_member" DROP CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7"`);
    await queryRunner.query(`ALTER TABLE "organization_department" DROP CONSTRAINT "FK_8703e595bd4ec6536a4def005cd"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "FK_44b825ff54ae787d79fb347c625"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "FK_5865830635bbaf5c95135a5fdce"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_organization_member_department"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_organization_member_user"`);
    await queryRunner.query(`DROP TABLE "organization_member"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_organization_department_name"`);
    await queryRunner.query(`DROP TABLE "organization_department"`);
    await queryRunner.query(`DROP TYPE "public"."content_level"`);
    await queryRunner.query(`DROP TYPE "public"."organization_level"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_organization_account_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_organization_owner"`);
    await queryRunner.query(`DROP TABLE "organization"`);
  }
}
