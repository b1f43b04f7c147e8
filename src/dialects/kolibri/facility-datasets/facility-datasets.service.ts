import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { AppAbility } from '../../../core/policy/app-ability';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { FacilityDatasetDto, UpdateFacilityDatasetDto } from './facility-dataset.dto';
import { DATASET_JSON_SQL, toDatasetDto } from './facility-dataset.mapper';
import { FLAG_NAMES, PRESET_FLAGS, Preset } from './presets';
import { rows } from '../../../core/database/sql';

const COLUMNS: ColumnMap = {
  accountId: (p) => `d.account_id = ANY(${p}::uuid[])`,
  facilityId: (p) => `d.facility_id = ANY(${p}::uuid[])`,
};

const PASSWORD_RULE = 'Password-less login and learners editing their password cannot both be enabled.';

@Injectable()
export class FacilityDatasetsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(principal: Principal, ability: AppAbility, facilityId?: string): Promise<FacilityDatasetDto[]> {
    const params: unknown[] = [principal.accountId, facilityId ?? null];
    const filter = readFilter(ability, 'read', 'FacilityDataset', COLUMNS, params);
    const fetched = await rows<{ j: FacilityDatasetDto }>(
      this.db,
      `SELECT ${DATASET_JSON_SQL} AS j FROM kolibri_facility_dataset d
        WHERE d.account_id = $1 AND ($2::uuid IS NULL OR d.facility_id = $2) AND ${filter}
        ORDER BY d.id`,
      params,
    );
    return fetched.map((r) => toDatasetDto(r.j));
  }

  async get(accountId: string, id: string): Promise<FacilityDatasetDto> {
    const fetched = await rows<{ j: FacilityDatasetDto }>(
      this.db,
      `SELECT ${DATASET_JSON_SQL} AS j FROM kolibri_facility_dataset d WHERE d.id = $1 AND d.account_id = $2`,
      [id, accountId],
    );
    if (!fetched.length) throw ApiError.notFound();
    return toDatasetDto(fetched[0].j);
  }

  /** Merges the change over the current row under a row lock, then checks the password rule on the result. */
  async update(accountId: string, id: string, body: UpdateFacilityDatasetDto): Promise<FacilityDatasetDto> {
    await this.db.transaction(async (m) => {
      const fetched = await rows<{ j: FacilityDatasetDto }>(
        m,
        `SELECT ${DATASET_JSON_SQL} AS j FROM kolibri_facility_dataset d WHERE d.id = $1 AND d.account_id = $2 FOR UPDATE`,
        [id, accountId],
      );
      if (!fetched.length) throw ApiError.notFound();
      const next = { ...fetched[0].j, ...body };
      if (next.learner_can_login_with_no_password && next.learner_can_edit_password) {
        const field = body.learner_can_login_with_no_password !== undefined ? 'learner_can_login_with_no_password' : 'learner_can_edit_password';
        throw ApiError.badRequest(PASSWORD_RULE, field);
      }
      await rows(
        m,
        `UPDATE kolibri_facility_dataset SET ${FLAG_NAMES.map((f, i) => `${f} = $${i + 2}`).join(', ')},
                extra_fields = $9, description = $10, location = $11, registered = $12, preset = $13
          WHERE id = $1`,
        [id, ...FLAG_NAMES.map((f) => next[f]), JSON.stringify(next.extra_fields ?? {}), next.description, next.location, next.registered, next.preset],
      );
    });
    return this.get(accountId, id);
  }

  /** Writes the current preset's values over the seven booleans, nothing else. */
  async reset(accountId: string, id: string): Promise<FacilityDatasetDto> {
    const fetched = await rows<{ preset: Preset }>(this.db, `SELECT preset FROM kolibri_facility_dataset WHERE id = $1 AND account_id = $2`, [id, accountId]);
    if (!fetched.length) throw ApiError.notFound();
    const flags = PRESET_FLAGS[fetched[0].preset] ?? PRESET_FLAGS.nonformal;
    await rows(
      this.db,
      `UPDATE kolibri_facility_dataset SET ${FLAG_NAMES.map((f, i) => `${f} = $${i + 2}`).join(', ')} WHERE id = $1`,
      [id, ...FLAG_NAMES.map((f) => flags[f])],
    );
    return this.get(accountId, id);
  }
}
