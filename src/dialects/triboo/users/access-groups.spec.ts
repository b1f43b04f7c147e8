import { ANALYTICS_ACCESS_GROUP, ANALYTICS_LIMITED_ACCESS_GROUP, CATALOG_DENIED_GROUPS, STUDIO_ADMIN_ACCESS_GROUP, planAccess, readAccess } from './access-groups';

const apply = (groups: string[], plan: { add: string[]; remove: string[] }) => [...new Set([...groups.filter((g) => !plan.remove.includes(g)), ...plan.add])].sort();

describe('Triboo access groups', () => {
  const none = { groups: [], isStaff: false, isSuperuser: false };

  it('round-trips every platform_role', () => {
    for (const role of ['Learner', 'Studio Admin', 'Platform Admin', 'Super Platform Admin'] as const) {
      const plan = planAccess({ platform_role: role }, { groups: [STUDIO_ADMIN_ACCESS_GROUP], isStaff: true, isSuperuser: true });
      expect(readAccess({ groups: apply([STUDIO_ADMIN_ACCESS_GROUP], plan), isStaff: plan.isStaff, isSuperuser: plan.isSuperuser }).platform_role).toBe(role);
    }
  });

  it('round-trips analytics_access for learners; staff read Full Access unless restricted', () => {
    for (const a of ['None', 'Restricted', 'Full Access'] as const) {
      const plan = planAccess({ analytics_access: a }, none);
      expect(readAccess({ groups: apply([], plan), isStaff: false, isSuperuser: false }).analytics_access).toBe(a === 'None' ? null : a);
    }
    const staff = planAccess({ platform_role: 'Platform Admin', analytics_access: 'Full Access' }, none);
    expect(staff.add).not.toContain(ANALYTICS_ACCESS_GROUP);
    expect(readAccess({ groups: apply([], staff), isStaff: true, isSuperuser: false }).analytics_access).toBe('Full Access');
    const restricted = planAccess({ analytics_access: 'Restricted' }, { groups: [ANALYTICS_ACCESS_GROUP], isStaff: false, isSuperuser: false });
    expect(apply([ANALYTICS_ACCESS_GROUP], restricted)).toEqual([ANALYTICS_LIMITED_ACCESS_GROUP]);
  });

  it('maps each catalog flag to its denied group and back', () => {
    for (const [flag, group] of Object.entries(CATALOG_DENIED_GROUPS)) {
      const off = planAccess({ [flag]: false }, none);
      expect(off.add).toEqual([group]);
      expect((readAccess({ groups: off.add, isStaff: false, isSuperuser: false }) as unknown as Record<string, boolean>)[flag]).toBe(false);
      const on = planAccess({ [flag]: true }, { ...none, groups: [group] });
      expect(apply([group], on)).toEqual([]);
    }
  });

  it('changes nothing for fields not sent', () => {
    expect(planAccess({}, { groups: [STUDIO_ADMIN_ACCESS_GROUP], isStaff: false, isSuperuser: false })).toEqual({ add: [], remove: [], isStaff: false, isSuperuser: false });
  });
});
