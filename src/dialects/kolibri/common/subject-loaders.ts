import { subject as asSubject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseUuid } from '../../../core/http/ids';
import { AbilityFactory } from '../../../core/policy/ability.factory';
import { PolicySubjectLoader, SubjectLoader } from '../../../core/policy/policy-extensions';
import { rows } from '../../../core/database/sql';

type Attrs = Record<string, unknown> & { accountId: string };

/** Loads one row by a Kolibri id (with or without dashes); a malformed id is simply not found. */
abstract class SqlLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() protected readonly db: DataSource) {}
  protected abstract readonly sql: string;

  async load(raw: string): Promise<Attrs | null> {
    const id = parseUuid(raw);
    if (!id) return null;
    const fetched = await rows<Attrs>(this.db, this.sql, [id]);
    return fetched[0] ?? null;
  }
}

@Injectable()
@SubjectLoader('Facility')
export class FacilityLoader extends SqlLoader {
  protected readonly sql = `SELECT account_id AS "accountId", id AS "facilityId" FROM kolibri_collection WHERE id = $1 AND kind = 'facility'`;
}

@Injectable()
@SubjectLoader('FacilityDataset')
export class FacilityDatasetLoader extends SqlLoader {
  protected readonly sql = `SELECT account_id AS "accountId", facility_id AS "facilityId" FROM kolibri_facility_dataset WHERE id = $1`;
}

@Injectable()
@SubjectLoader('Classroom')
export class ClassroomLoader extends SqlLoader {
  protected readonly sql = `SELECT account_id AS "accountId", facility_id AS "facilityId", id AS "classroomId"
                              FROM kolibri_collection WHERE id = $1 AND kind = 'classroom'`;
}

@Injectable()
@SubjectLoader('LearnerGroup')
export class LearnerGroupLoader extends SqlLoader {
  protected readonly sql = `SELECT account_id AS "accountId", facility_id AS "facilityId", parent_id AS "classroomId", id AS "groupId"
                              FROM kolibri_collection WHERE id = $1 AND kind = 'learnergroup'`;
}

/**
 * A facility user, plus `accountAdmin`: whether that user administers the whole account through any
 * dialect's roles (Enabley SITE_ADMIN, Triboo Platform Admin, superuser). A facility admin must not
 * manage such a user (reset its password, delete it), or a facility role would reach account administration.
 */
@Injectable()
@SubjectLoader('FacilityUser', { user: true })
export class FacilityUserLoader extends SqlLoader {
  protected readonly sql = `SELECT fu.account_id AS "accountId", fu.facility_id AS "facilityId", fu.user_id AS "userId", u.is_superuser AS "isSuperuser",
                                   COALESCE((SELECT array_agg(m.collection_id::text) FROM kolibri_membership m
                                               JOIN kolibri_collection c ON c.id = m.collection_id AND c.kind = 'classroom'
                                              WHERE m.user_id = fu.user_id), '{}'::text[]) AS "classroomIds"
                              FROM kolibri_facility_user fu JOIN "user" u ON u.id = fu.user_id WHERE fu.user_id = $1`;

  constructor(@InjectDataSource() db: DataSource, private readonly abilities: AbilityFactory) {
    super(db);
  }

  override async load(raw: string): Promise<Attrs | null> {
    const row = await super.load(raw);
    if (!row) return null;
    const { isSuperuser, ...attrs } = row;
    const target = { kind: 'user' as const, accountId: attrs.accountId, userId: attrs.userId as string, isSuperuser: isSuperuser === true };
    return { ...attrs, accountAdmin: await this.abilities.administersAccount(target) };
  }
}

@Injectable()
@SubjectLoader('Membership')
export class MembershipLoader extends SqlLoader {
  protected readonly sql = `SELECT m.account_id AS "accountId", m.facility_id AS "facilityId", m.user_id AS "userId", c.kind AS "collectionKind",
                                   CASE WHEN c.kind = 'classroom' THEN c.id ELSE c.parent_id END AS "classroomId"
                              FROM kolibri_membership m JOIN kolibri_collection c ON c.id = m.collection_id WHERE m.id = $1`;
}

@Injectable()
@SubjectLoader('Role')
export class RoleLoader extends SqlLoader {
  protected readonly sql = `SELECT r.account_id AS "accountId", r.facility_id AS "facilityId", r.user_id AS "userId",
                                   CASE WHEN c.kind = 'classroom' THEN c.id END AS "classroomId"
                              FROM kolibri_role r JOIN kolibri_collection c ON c.id = r.collection_id WHERE r.id = $1`;
}

export const SUBJECT_LOADERS = [FacilityLoader, FacilityDatasetLoader, ClassroomLoader, LearnerGroupLoader, FacilityUserLoader, MembershipLoader, RoleLoader];
