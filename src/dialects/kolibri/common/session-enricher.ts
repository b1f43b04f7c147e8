import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SessionEnricher, SessionEnricherProvider, SessionFacts } from '../../../core/auth/session-extensions';
import { parseUuid, toHexId } from '../../../core/http/ids';
import { User } from '../../../core/users/user.entity';
import { KolibriAccess } from './kolibri-access';

/** POST /api/auth/session answers the user's facility and Kolibri role kinds; `facility` narrows login. */
@Injectable()
@SessionEnricher()
export class KolibriSessionEnricher implements SessionEnricherProvider {
  constructor(
    private readonly access: KolibriAccess,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async enrich(user: User): Promise<SessionFacts> {
    const facts = await this.access.factsOf(user.id);
    if (!facts.facilityId) return {};
    return { facility_id: toHexId(facts.facilityId), kind: facts.kinds.length ? facts.kinds : ['learner'] };
  }

  async accountForFacility(facility: string): Promise<string | null> {
    const id = parseUuid(facility);
    if (!id) return null;
    const rows: { account_id: string }[] = await this.db.query(`SELECT account_id FROM kolibri_collection WHERE id = $1 AND kind = 'facility'`, [id]);
    return rows[0]?.account_id ?? null;
  }
}
