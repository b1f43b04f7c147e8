import { Injectable } from '@nestjs/common';
import { Principal } from '../../../core/auth/principal';
import { AppAbilityBuilder } from '../../../core/policy/app-ability';
import { RoleRuleProvider, RoleRules } from '../../../core/policy/policy-extensions';
import { KolibriAccess } from './kolibri-access';
import { KOLIBRI_SUBJECTS } from './kolibri.subjects';

/**
 * Kolibri's permissions, as data (kolibri/core/auth/permissions). Subjects and the attributes
 * their loaders return (see subject-loaders.ts):
 * - Facility, FacilityDataset: accountId, facilityId
 * - Classroom: accountId, facilityId, classroomId
 * - LearnerGroup: accountId, facilityId, classroomId (the parent), groupId
 * - FacilityUser: accountId, facilityId, userId, classroomIds (the classrooms the user is in), accountAdmin
 *   (the user administers the whole account through some dialect's role; loaded objects only)
 * - Membership: accountId, facilityId, classroomId, collectionKind, userId
 * - Role: accountId, facilityId, classroomId (null for a facility role), userId
 * Superusers, API clients and account admins are handled by the core (everything in scope); these are the rules of other users.
 * A user's own FacilityUser may be updated field by field (username, full_name, password) and deleted
 * as their facility's dataset settings (learner_can_edit_*, learner_can_delete_account) allow.
 */
@Injectable()
@RoleRules({ subjects: KOLIBRI_SUBJECTS })
export class KolibriRoleRules implements RoleRuleProvider {
  constructor(private readonly access: KolibriAccess) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    const f = await this.access.factsOf(principal.userId);
    const accountId = principal.accountId;
    const inAdmin = { accountId, facilityId: { $in: f.adminFacilities } };
    const inCoachFacility = { accountId, facilityId: { $in: f.coachFacilities } };
    const inCoachClass = { accountId, classroomId: { $in: f.coachClassrooms } };
    const inMemberClass = { accountId, classroomId: { $in: f.memberClassrooms } };
    const own = { accountId, userId: principal.userId };

    // Facilities and their settings: readable by anyone signed in to the account; updated by their admins.
    can('read', ['Facility', 'FacilityDataset'], { accountId });
    can('update', ['Facility', 'FacilityDataset'], inAdmin);

    // A facility admin: everything in the facility, except changing users who administer the whole
    // account through another dialect's role (their loader sets accountAdmin).
    can('manage', ['Classroom', 'LearnerGroup', 'Membership', 'Role'], inAdmin);
    can('read', 'FacilityUser', inAdmin);
    can(['create', 'update', 'delete'], 'FacilityUser', { ...inAdmin, accountAdmin: { $ne: true } });

    // A facility-level coach: reads every class, its groups, learners, memberships and roles; manages groups.
    can('read', ['Classroom', 'FacilityUser', 'Membership', 'Role'], inCoachFacility);
    can('manage', 'LearnerGroup', inCoachFacility);
    can(['create', 'delete'], 'Membership', { ...inCoachFacility, collectionKind: 'learnergroup' });

    // A classroom coach: the same, limited to the classes coached.
    can('read', ['Classroom', 'Membership', 'Role'], inCoachClass);
    can('read', 'FacilityUser', { accountId, classroomIds: { $in: f.coachClassrooms } });
    can('manage', 'LearnerGroup', inCoachClass);
    can(['create', 'delete'], 'Membership', { ...inCoachClass, collectionKind: 'learnergroup' });

    // A learner: their own classes and the groups in them.
    can('read', ['Classroom', 'LearnerGroup'], inMemberClass);

    // Everyone: their own user, memberships and roles.
    can('read', ['FacilityUser', 'Membership', 'Role'], own);

    // Self-service as the facility dataset allows (field-level: the service checks each field sent).
    const fields = [
      ...(f.selfService.editUsername ? ['username'] : []),
      ...(f.selfService.editName ? ['full_name'] : []),
      ...(f.selfService.editPassword ? ['password'] : []),
    ];
    if (f.facilityId && fields.length) can('update', 'FacilityUser', fields, own);
    if (f.facilityId && f.selfService.deleteAccount) can('delete', 'FacilityUser', own);
  }
}
