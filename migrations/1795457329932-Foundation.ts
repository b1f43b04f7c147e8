import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795457329932 implements MigrationInterface {
  name = 'Foundation1795457329932';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_account_name" ON "account"  ("name") `);
    await queryRunner.query(`CREATE TABLE "user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" SERIAL NOT NULL, "account_id" uuid NOT NULL, "identifier" text NOT NULL, "username" text NOT NULL, "email" text, "first_name" text NOT NULL DEFAULT '', "last_name" text NOT NULL DEFAULT '', "full_name" text NOT NULL DEFAULT '', "is_active" boolean NOT NULL DEFAULT true, "is_superuser" boolean NOT NULL DEFAULT false, "password_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_user_id" ON "user"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_account_username" ON "user"  ("account_id", "username") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_account_identifier" ON "user"  ("account_id", "identifier") `);
    // Hand-written: emails are unique per account case-insensitively (TypeORM cannot declare expression indexes).
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_account_email" ON "user" ("account_id", lower("email"))`);
    await queryRunner.query(`CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_session_user" ON "auth_session"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "api_client" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" text NOT NULL, "name" text NOT NULL, "secret_hash" text NOT NULL, "account_id" uuid NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_82a5ec6981d2be903a9eb1d9b9a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_client_client_id" ON "api_client"  ("client_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_api_client_account" ON "api_client"  ("account_id") `);
    await queryRunner.query(`ALTER TABLE "user" ADD CONSTRAINT "FK_6acfec7285fdf9f463462de3e9f" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_client" ADD CONSTRAINT "FK_aab624804fdc518eb3c67a1726c" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_client" DROP CONSTRAINT "FK_aab624804fdc518eb3c67a1726c"`);
    await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"`);
    await queryRunner.query(`ALTER TABLE "user" DROP CONSTRAINT "FK_6acfec7285fdf9f463462de3e9f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_api_client_account"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_api_client_client_id"`);
    await queryRunner.query(`DROP TABLE "api_client"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_auth_session_user"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_account_email"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_account_identifier"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_account_username"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_user_id"`);
    await queryRunner.query(`DROP TABLE "user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_account_name"`);
    await queryRunner.query(`DROP TABLE "account"`);
  }
}
