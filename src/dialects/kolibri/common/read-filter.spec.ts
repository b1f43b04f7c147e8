import { ApiError } from '../../../core/http/api-error';
import { newAbilityBuilder } from '../../../core/policy/app-ability';
import { assertCan, readFilter } from './read-filter';

const COLUMNS = {
  accountId: (p: string) => `a = ANY(${p})`,
  facilityId: (p: string) => `f = ANY(${p})`,
  classroomId: (p: string) => `c = ANY(${p})`,
};

describe('readFilter', () => {
  it('turns the rules of a subject into one OR of ANDs, numbering parameters after the offset', () => {
    const { can, build } = newAbilityBuilder();
    can('read', 'Classroom', { accountId: 'A', facilityId: { $in: ['F1', 'F2'] } });
    can('read', 'Classroom', { accountId: 'A', classroomId: { $in: [] } });
    can('read', 'Facility', { accountId: 'A' });
    const filter = readFilter(build(), 'read', 'Classroom', COLUMNS, 2);
    expect(filter.sql).toBe('((a = ANY($3) AND c = ANY($4)) OR (a = ANY($5) AND f = ANY($6)))');
    expect(filter.params).toEqual([['A'], [], ['A'], ['F1', 'F2']]);
  });

  it('is TRUE for an unconditional rule and FALSE without rules', () => {
    const all = newAbilityBuilder();
    all.can('manage', 'all');
    expect(readFilter(all.build(), 'read', 'Classroom', COLUMNS, 0)).toEqual({ sql: 'TRUE', params: [] });
    const none = newAbilityBuilder();
    none.can('read', 'Facility');
    expect(readFilter(none.build(), 'read', 'Classroom', COLUMNS, 0)).toEqual({ sql: 'FALSE', params: [] });
  });

  it('refuses a condition it cannot translate', () => {
    const b = newAbilityBuilder();
    b.can('read', 'Classroom', { unknownField: 1 });
    expect(() => readFilter(b.build(), 'read', 'Classroom', COLUMNS, 0)).toThrow(/no column/);
  });
});

describe('assertCan', () => {
  it('checks the would-be object against the same ability', () => {
    const b = newAbilityBuilder();
    b.can('create', 'Classroom', { accountId: 'A', facilityId: { $in: ['F1'] } });
    const ability = b.build();
    expect(() => assertCan(ability, 'create', 'Classroom', { accountId: 'A', facilityId: 'F1' })).not.toThrow();
    expect(() => assertCan(ability, 'create', 'Classroom', { accountId: 'A', facilityId: 'F2' })).toThrow(ApiError);
  });
});
