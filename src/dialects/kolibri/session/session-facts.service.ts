import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseUuid, toHexId } from '../../../core/http/ids';
import { KolibriAccess } from '../common/kolibri-access';
import { rows } from '../../../core/database/sql';

/** What POST /api/auth/session adds to a login: the user's facility and Kolibri role kinds; `facility` narrows it. */
@Injectable()
export class SessionFactsService {
  constructor(
    private readonly access: KolibriAccess,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async of(userId: string): Promise<{ facilityId: string | null; kinds: string[] }> {
    const facts = await this.access.factsOf(userId);
    if (!facts.facilityId) return { facilityId: null, kinds: [] };
    return { facilityId: toHexId(facts.facilityId), kinds: facts.kinds.length ? facts.kinds : ['learner'] };
  }

  /** The account of the named facility; null (no user can log in to it) when there is no such facility. */
  async accountForFacility(facility: string): Promise<string | null> {
    const id = parseUuid(facility);
    if (!id) return null;
    const fetched = await rows<{ account_id: string }>(this.db, `SELECT account_id FROM kolibri_collection WHERE id = $1 AND kind = 'facility'`, [id]);
    return fetched[0]?.account_id ?? null;
  }
}
