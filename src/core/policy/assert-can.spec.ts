import { ApiError } from '../http/api-error';
import { newAbilityBuilder } from './app-ability';
import { assertCan } from './assert-can';

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
