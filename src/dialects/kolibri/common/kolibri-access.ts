import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rows } from '../../../core/database/sql';

/** What a user is in Kolibri terms: the facts every role rule is computed from. */
export interface KolibriUserFacts {
  facilityId: string | null;
  /** Facilities where the user is admin. */
  adminFacilities: string[];
  /** Facilities where the user is a (facility-level) coach. */
  coachFacilities: string[];
  /** Classrooms the user coaches. */
  coachClassrooms: string[];
  /** Classrooms the user is a member (learner) of. */
  memberClassrooms: string[];
  /** Distinct role kinds. */
  kinds: string[];
  /** The learner self-service settings of the user's facility dataset (all false without a facility). */
  selfService: { editUsername: boolean; editName: boolean; editPassword: boolean; deleteAccount: boolean };
}

/** Loads a user's Kolibri facts in one query. */
@Injectable()
export class KolibriAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async factsOf(userId: string): Promise<KolibriUserFacts> {
    const [row] = await rows<{ facility_id: string | null; edit_username: boolean; edit_name: boolean; edit_password: boolean; delete_account: boolean; roles: unknown; classes: string[] }>(
      this.db,
      `SELECT fu.facility_id::text AS facility_id,
              COALESCE(d.learner_can_edit_username, false) AS edit_username, COALESCE(d.learner_can_edit_name, false) AS edit_name,
              COALESCE(d.learner_can_edit_password, false) AS edit_password, COALESCE(d.learner_can_delete_account, false) AS delete_account,
              COALESCE((SELECT json_agg(json_build_object('c', r.collection_id, 'k', r.kind, 'ck', c.kind))
                          FROM kolibri_role r JOIN kolibri_collection c ON c.id = r.collection_id
                         WHERE r.user_id = $1), '[]'::json) AS roles,
              COALESCE((SELECT array_agg(m.collection_id::text)
                          FROM kolibri_membership m JOIN kolibri_collection c ON c.id = m.collection_id AND c.kind = 'classroom'
                         WHERE m.user_id = $1), '{}'::text[]) AS classes
         FROM (SELECT 1) one
         LEFT JOIN kolibri_facility_user fu ON fu.user_id = $1
         LEFT JOIN kolibri_facility_dataset d ON d.facility_id = fu.facility_id`,
      [userId],
    );
    const roles = row.roles as { c: string; k: string; ck: string }[];
    const pick = (k: string, ck: string) => roles.filter((r) => r.k === k && r.ck === ck).map((r) => r.c);
    return {
      facilityId: row.facility_id,
      adminFacilities: pick('admin', 'facility'),
      coachFacilities: pick('coach', 'facility'),
      coachClassrooms: pick('coach', 'classroom'),
      memberClassrooms: row.classes,
      kinds: [...new Set(roles.map((r) => r.k))],
      selfService: { editUsername: row.edit_username, editName: row.edit_name, editPassword: row.edit_password, deleteAccount: row.delete_account },
    };
  }
}
