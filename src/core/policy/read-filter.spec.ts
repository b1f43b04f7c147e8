import { newAbilityBuilder } from './app-ability';
import { UntranslatableRuleError, readFilter } from './read-filter';

const COLUMNS = {
  accountId: (p: string) => `a = ANY(${p})`,
  facilityId: (p: string) => `f = ANY(${p})`,
  classroomId: (p: string) => `c = ANY(${p})`,
  accountAdmin: (p: string) => `aa = ANY(${p})`,
};

describe('readFilter', () => {
  it('turns the rules of a subject into one OR of ANDs, appending its values after the caller parameters', () => {
    const { can, build } = newAbilityBuilder();
    can('read', 'Classroom', { accountId: 'A', facilityId: { $in: ['F1', 'F2'] } });
    can('read', 'Classroom', { accountId: 'A', classroomId: { $in: [] } });
    can('read', 'Facility', { accountId: 'A' });
    const params: unknown[] = ['mine', 7];
    const sql = readFilter(build(), 'read', 'Classroom', COLUMNS, params);
    expect(sql).toBe('((a = ANY($3) AND c = ANY($4)) OR (a = ANY($5) AND f = ANY($6)))');
    expect(params).toEqual(['mine', 7, ['A'], [], ['A'], ['F1', 'F2']]);
  });

  it('numbers from 1 when the caller has no parameters of its own', () => {
    const { can, build } = newAbilityBuilder();
    can('read', 'Facility', { accountId: 'A', accountAdmin: false });
    const params: unknown[] = [];
    expect(readFilter(build(), 'read', 'Facility', COLUMNS, params)).toBe('((a = ANY($1) AND aa = ANY($2)))');
    expect(params).toEqual([['A'], [false]]);
  });

  it('is TRUE for an unconditional rule (dropping the values of narrower rules) and FALSE without rules', () => {
    const all = newAbilityBuilder();
    all.can('read', 'Classroom', { accountId: 'A' });
    all.can('manage', 'all');
    all.can('read', 'Classroom', { facilityId: 'F' });
    const params: unknown[] = ['mine'];
    expect(readFilter(all.build(), 'read', 'Classroom', COLUMNS, params)).toBe('TRUE');
    expect(params).toEqual(['mine']);
    const none = newAbilityBuilder();
    none.can('read', 'Facility');
    const noParams: unknown[] = [];
    expect(readFilter(none.build(), 'read', 'Classroom', COLUMNS, noParams)).toBe('FALSE');
    expect(noParams).toEqual([]);
  });

  it('ignores field-level grants and stops at a blanket denial', () => {
    const b = newAbilityBuilder();
    b.can('update', 'Classroom', ['name'], { accountId: 'A' });
    b.can('update', 'Classroom', { facilityId: 'F' });
    b.cannot('update', 'Classroom');
    expect(readFilter(b.build(), 'update', 'Classroom', COLUMNS, [])).toBe('FALSE');
    const c = newAbilityBuilder();
    c.can('update', 'Classroom', { facilityId: 'F' });
    c.can('update', 'Classroom', ['name'], { accountId: 'A' });
    const params: unknown[] = [];
    expect(readFilter(c.build(), 'update', 'Classroom', COLUMNS, params)).toBe('((f = ANY($1)))');
    expect(params).toEqual([['F']]);
  });

  it.each([
    ['$ne', { $ne: 'F' }],
    ['$nin', { $nin: ['F'] }],
    ['$regex', { $regex: '^F' }],
    ['$in beside another operator', { $in: ['F'], $ne: 'G' }],
    ['$in of objects', { $in: [{ id: 'F' }] }],
    ['a nested object', { id: 'F' }],
    ['an empty object', {}],
    ['null', null],
    ['an array', ['F']],
  ])('refuses %s instead of reading it as equality', (_name, cond) => {
    const b = newAbilityBuilder();
    b.can('read', 'Classroom', { accountId: 'A', facilityId: cond });
    const params: unknown[] = [];
    expect(() => readFilter(b.build(), 'read', 'Classroom', COLUMNS, params)).toThrow(UntranslatableRuleError);
  });

  it('refuses a field without a column and a conditional denial', () => {
    const b = newAbilityBuilder();
    b.can('read', 'Classroom', { unknownField: 1 });
    expect(() => readFilter(b.build(), 'read', 'Classroom', COLUMNS, [])).toThrow(/no column for unknownField/);
    const d = newAbilityBuilder();
    d.can('read', 'Classroom');
    d.cannot('read', 'Classroom', { facilityId: 'F' });
    expect(() => readFilter(d.build(), 'read', 'Classroom', COLUMNS, [])).toThrow(UntranslatableRuleError);
  });
});
