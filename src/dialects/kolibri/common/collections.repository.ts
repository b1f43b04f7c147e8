import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../../core/database/pg-error';
import { ApiError } from '../../../core/http/api-error';
import { toHexId } from '../../../core/http/ids';
import { CollectionKind } from './collection.entity';
import { rows } from '../../../core/database/sql';

export interface CollectionRow {
  id: string;
  kind: CollectionKind;
  parent_id: string | null;
  facility_id: string;
}

const UNIQUE_NAME = 'UQ_kolibri_collection_parent_name';

/** Writes to the collection tree shared by classrooms and learner groups. */
@Injectable()
export class CollectionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The collection of that kind in the account, or a 400 naming the body field (a reference). */
  async reference(accountId: string, id: string, kind: CollectionKind, field: string): Promise<CollectionRow> {
    const fetched = await rows<CollectionRow>(
      this.db,
      `SELECT id, kind, parent_id, facility_id FROM kolibri_collection WHERE id = $1 AND account_id = $2 AND kind = $3`,
      [id, accountId, kind],
    );
    if (!fetched.length) throw ApiError.badRequest(`Invalid pk "${toHexId(id)}" - object does not exist or is not a ${kind}.`, field);
    return fetched[0];
  }

  async insertChild(accountId: string, kind: CollectionKind, name: string, parent: CollectionRow): Promise<string> {
    try {
      const [row] = await rows<{ id: string }>(
        this.db,
        `INSERT INTO kolibri_collection (account_id, kind, name, parent_id, facility_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [accountId, kind, name, parent.id, parent.facility_id],
      );
      return row.id;
    } catch (e) {
      this.rethrow(e);
    }
  }

  async rename(accountId: string, id: string, kind: CollectionKind, name: string): Promise<void> {
    try {
      await rows(this.db, `UPDATE kolibri_collection SET name = $4 WHERE id = $1 AND account_id = $2 AND kind = $3`, [id, accountId, kind, name]);
    } catch (e) {
      this.rethrow(e);
    }
  }

  /** One statement: the subtree, its memberships and roles go with it through ON DELETE CASCADE. */
  async remove(accountId: string, id: string, kind: CollectionKind): Promise<void> {
    const deleted = await rows(this.db, `DELETE FROM kolibri_collection WHERE id = $1 AND account_id = $2 AND kind = $3 RETURNING id`, [id, accountId, kind]);
    if (!deleted.length) throw ApiError.notFound();
  }

  private rethrow(e: unknown): never {
    if (isUniqueViolation(e, UNIQUE_NAME)) throw ApiError.conflict('The fields parent, name must make a unique set.', 'name', 400);
    throw e;
  }
}
