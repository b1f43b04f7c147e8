import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { isoDate, toHexId } from '../../../core/http/ids';
import { AppAbility } from '../../../core/policy/app-ability';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { DATASET_JSON_SQL, toDatasetDto } from '../facility-datasets/facility-dataset.mapper';
import { FLAG_NAMES, PRESET_FLAGS, Preset } from '../facility-datasets/presets';
import { FacilityDatasetDto } from '../facility-datasets/facility-dataset.dto';
import { FacilityDto } from './facility.dto';
import { rows } from '../../../core/database/sql';

const COLUMNS: ColumnMap = {
  accountId: (p) => `c.account_id = ANY(${p}::uuid[])`,
  facilityId: (p) => `c.id = ANY(${p}::uuid[])`,
};

/** Counts and dataset in the list query itself: one query whatever the number of facilities. */
const SELECT = `SELECT c.id, c.name, c.last_successful_sync, c.last_failed_sync,
       (SELECT count(*)::int FROM kolibri_collection k WHERE k.facility_id = c.id AND k.kind = 'classroom') AS num_classrooms,
       (SELECT count(*)::int FROM kolibri_facility_user fu WHERE fu.facility_id = c.id) AS num_users,
       ${DATASET_JSON_SQL} AS dataset
  FROM kolibri_collection c JOIN kolibri_facility_dataset d ON d.facility_id = c.id`;

interface FacilityRow {
  id: string;
  name: string;
  last_successful_sync: Date | null;
  last_failed_sync: Date | null;
  num_classrooms: number;
  num_users: number;
  dataset: FacilityDatasetDto;
}

function toDto(r: FacilityRow): FacilityDto {
  return {
    id: toHexId(r.id),
    name: r.name,
    num_users: r.num_users,
    num_classrooms: r.num_classrooms,
    dataset: toDatasetDto(r.dataset),
    last_successful_sync: isoDate(r.last_successful_sync),
    last_failed_sync: isoDate(r.last_failed_sync),
  };
}

@Injectable()
export class FacilitiesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(principal: Principal, ability: AppAbility): Promise<FacilityDto[]> {
    const params: unknown[] = [principal.accountId];
    const filter = readFilter(ability, 'read', 'Facility', COLUMNS, params);
    const fetched = await rows<FacilityRow>(
      this.db,
      `${SELECT} WHERE c.account_id = $1 AND c.kind = 'facility' AND ${filter} ORDER BY c.name, c.id`,
      params,
    );
    return fetched.map(toDto);
  }

  async get(accountId: string, id: string): Promise<FacilityDto> {
    const fetched = await rows<FacilityRow>(this.db, `${SELECT} WHERE c.id = $1 AND c.account_id = $2 AND c.kind = 'facility'`, [id, accountId]);
    if (!fetched.length) throw ApiError.notFound();
    return toDto(fetched[0]);
  }

  /** The facility and its dataset (with the preset's settings), in one transaction. */
  async create(accountId: string, name: string, preset: Preset = 'nonformal'): Promise<FacilityDto> {
    const flags = PRESET_FLAGS[preset];
    const id = await this.db.transaction(async (m) => {
      const [row] = await rows<{ id: string }>(
        m,
        `WITH n AS (SELECT gen_random_uuid() AS id)
         INSERT INTO kolibri_collection (id, account_id, kind, name, facility_id) SELECT n.id, $1, 'facility', $2, n.id FROM n RETURNING id`,
        [accountId, name],
      );
      await rows(
        m,
        `INSERT INTO kolibri_facility_dataset (facility_id, account_id, preset, ${FLAG_NAMES.join(', ')})
         VALUES ($1, $2, $3, ${FLAG_NAMES.map((_, i) => `$${i + 4}`).join(', ')})`,
        [row.id, accountId, preset, ...FLAG_NAMES.map((f) => flags[f])],
      );
      return row.id;
    });
    return this.get(accountId, id);
  }

  async update(accountId: string, id: string, name: string): Promise<FacilityDto> {
    await rows(this.db, `UPDATE kolibri_collection SET name = $3 WHERE id = $1 AND account_id = $2 AND kind = 'facility'`, [id, accountId, name]);
    return this.get(accountId, id);
  }

  /** Classrooms, groups, dataset, memberships, roles and facility links go with it (ON DELETE CASCADE). */
  async remove(accountId: string, id: string): Promise<void> {
    const deleted = await rows(this.db, `DELETE FROM kolibri_collection WHERE id = $1 AND account_id = $2 AND kind = 'facility' RETURNING id`, [id, accountId]);
    if (!deleted.length) throw ApiError.notFound();
  }
}
