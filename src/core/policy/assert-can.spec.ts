import { subject as asSubject } from '@casl/ability';
import { ApiError } from '../http/api-error';
import { AppAbility, newAbilityBuilder } from './app-ability';
import { assertCan, assertCanEach, firstDenied } from './assert-can';

describe('assertCan', () => {
  it('checks the would-be object against the same ability', () => {
    const b = newAbilityBuilder();
    b.can('create', 'Classroom', { accountId: 'A', facilityId: { $in: ['F1'] } });
    const ability = b.build();
    expect(() => assertCan(ability, 'create', 'Classroom', { accountId: 'A', facilityId: 'F1' })).not.toThrow();
    expect(() => assertCan(ability, 'create', 'Classroom', { accountId: 'A', facilityId: 'F2' })).toThrow(ApiError);
  });

  it('checks one field when given', () => {
    const b = newAbilityBuilder();
    b.can('update', 'FacilityUser', ['full_name'], { userId: 'U' });
    const ability = b.build();
    expect(() => assertCan(ability, 'update', 'FacilityUser', { userId: 'U' }, 'full_name')).not.toThrow();
    expect(() => assertCan(ability, 'update', 'FacilityUser', { userId: 'U' }, 'username')).toThrow(/You may not change username/);
  });
});

describe('assertCanEach / firstDenied', () => {
  const perItem = (ability: AppAbility, attrsList: Record<string, unknown>[], field?: string) =>
    attrsList.findIndex((a) => !ability.can('create', asSubject('Membership', { ...a }), field));

  const items: Record<string, unknown>[] = [];
  for (const accountId of ['A', 'B'])
    for (const facilityId of ['F1', 'F2', null])
      for (const classroomIds of [[], ['C1'], ['C2', 'C1']])
        for (const userId of ['U1', 'U2', undefined]) items.push(userId === undefined ? { accountId, facilityId, classroomIds } : { accountId, facilityId, classroomIds, userId });
  items.push({ accountId: 'A' }, { accountId: 'A', facilityId: undefined }, { accountId: 'A', facilityId: 1 }, { accountId: 'A', facilityId: '1' });

  const abilities: [string, () => AppAbility][] = [
    ['account only', () => { const b = newAbilityBuilder(); b.can('create', 'Membership', { accountId: 'A' }); return b.build(); }],
    ['facility $in and classroom array', () => {
      const b = newAbilityBuilder();
      b.can('create', 'Membership', { accountId: 'A', facilityId: { $in: ['F1'] } });
      b.can('create', 'Membership', { accountId: 'A', classroomIds: { $in: ['C2'] } });
      return b.build();
    }],
    ['inverted on user', () => {
      const b = newAbilityBuilder();
      b.can('create', 'Membership', { accountId: 'A' });
      b.cannot('create', 'Membership', { userId: 'U2' });
      return b.build();
    }],
    ['$or and null', () => {
      const b = newAbilityBuilder();
      b.can('create', 'Membership', { $or: [{ facilityId: null }, { facilityId: 'F2', userId: 'U1' }] });
      return b.build();
    }],
    ['unconditional', () => { const b = newAbilityBuilder(); b.can('manage', 'all'); return b.build(); }],
    ['none', () => newAbilityBuilder().build()],
  ];

  it.each(abilities)('decides as checking each item in order (%s)', (_name, build) => {
    const ability = build();
    // every rotation, so the first denied item is found wherever it sits
    for (let r = 0; r < items.length; r++) {
      const list = [...items.slice(r), ...items.slice(0, r)];
      expect(firstDenied(ability, 'create', 'Membership', list)).toBe(perItem(ability, list));
    }
  });

  it('decides field-level rules as checking each item', () => {
    const b = newAbilityBuilder();
    b.can('create', 'Membership', ['note'], { userId: 'U1' });
    b.can('create', 'Membership', { accountId: 'B' });
    const ability = b.build();
    for (const field of ['note', 'other', undefined]) expect(firstDenied(ability, 'create', 'Membership', items, field)).toBe(perItem(ability, items, field));
  });

  it('checks items that agree on the fields the rules name once', () => {
    const b = newAbilityBuilder();
    b.can('create', 'Membership', { accountId: 'A' });
    const ability = b.build();
    const can = jest.spyOn(ability, 'can');
    const many = Array.from({ length: 5000 }, (_, i) => ({ accountId: 'A', facilityId: `F${i % 7}`, userId: `U${i}` }));
    expect(firstDenied(ability, 'create', 'Membership', many)).toBe(-1);
    expect(can).toHaveBeenCalledTimes(1);
  });

  it('checks each item when a value is not plain data', () => {
    const b = newAbilityBuilder();
    b.can('create', 'Membership', { 'meta.kind': 'x' });
    const ability = b.build();
    const can = jest.spyOn(ability, 'can');
    const list = [{ meta: { kind: 'x' } }, { meta: { kind: 'y' } }];
    expect(firstDenied(ability, 'create', 'Membership', list)).toBe(1);
    expect(can).toHaveBeenCalledTimes(2);
  });

  it('throws the same 403 as assertCan', () => {
    const b = newAbilityBuilder();
    b.can('create', 'Membership', { accountId: 'A' });
    const ability = b.build();
    expect(() => assertCanEach(ability, 'create', 'Membership', [{ accountId: 'A' }, { accountId: 'A' }])).not.toThrow();
    expect(() => assertCanEach(ability, 'create', 'Membership', [{ accountId: 'A' }, { accountId: 'B' }])).toThrow(ApiError);
  });
});
