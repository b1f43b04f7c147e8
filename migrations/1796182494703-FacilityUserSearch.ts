import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (an expression index, which TypeORM cannot declare; marked synchronize:false in
 * kolibri/facility-users/facility-user-search-index.entity.ts): Kolibri's facility user search matches
 * substrings of lower(full_name). pg_trgm is there since EnableyUsers.
 */
export class FacilityUserSearch1796182494703 implements MigrationInterface {
  name = 'FacilityUserSearch1796182494703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_user_full_name_trgm" ON "user" USING gin (lower("full_name") gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_user_full_name_trgm"`);
  }
}
