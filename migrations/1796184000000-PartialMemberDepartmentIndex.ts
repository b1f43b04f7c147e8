import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: TypeORM's schema diff does not compare an index's WHERE clause. organization_member's department
 * index becomes partial (most members have no department; every lookup names one), so a bulk upsert of 10,000
 * members without a department maintains one index fewer.
 */
export class PartialMemberDepartmentIndex1796184000000 implements MigrationInterface {
  name = 'PartialMemberDepartmentIndex1796184000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_organization_member_department"`);
    await queryRunner.query(`CREATE INDEX "IDX_organization_member_department" ON "organization_member" ("department_id") WHERE "department_id" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_organization_member_department"`);
    await queryRunner.query(`CREATE INDEX "IDX_organization_member_department" ON "organization_member" ("department_id") `);
  }
}
