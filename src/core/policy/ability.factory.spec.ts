import { Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { AbilityFactory } from './ability.factory';
import { AppAbilityBuilder, PolicySubject } from './app-ability';
import { PolicySubjectLoader, RoleRuleProvider, RoleRules, SubjectLoader } from './policy-extensions';
import { readFilter } from './read-filter';
import { subject as asSubject } from '@casl/ability';

const user: Principal = { kind: 'user', accountId: 'A', isSuperuser: false, userId: '00000000-0000-4000-8000-000000000001' };

@Injectable()
@RoleRules({ subjects: ['Course'], accountAdminSql: 'first_admin($1)' })
class CourseRules implements RoleRuleProvider {
  calls = 0;
  contribute(p: Principal, can: AppAbilityBuilder['can']) {
    this.calls++;
    can('read', 'Course', { accountId: p.accountId });
  }
}

@Injectable()
@RoleRules({ subjects: ['Courses'], accountAdminSql: 'second_admin($1, $2)' })
class CollectionRules implements RoleRuleProvider {
  calls = 0;
  contribute() {
    this.calls++;
  }
}

@Injectable()
@SubjectLoader('Course', { user: true })
class PersonLoader implements PolicySubjectLoader {
  async load() {
    return null;
  }
}

function factory(admin: boolean) {
  const course = new CourseRules();
  const collection = new CollectionRules();
  const wrappers = [course, collection, new PersonLoader()].map((instance) => ({ instance, metatype: instance.constructor }));
  const queries: { sql: string; params: unknown[] }[] = [];
  const db = {
    driver: {},
    query: async (sql: string, params: unknown[]) => {
      queries.push({ sql, params });
      return [{ admin }];
    },
  } as unknown as DataSource;
  const f = new AbilityFactory({ getProviders: () => wrappers } as unknown as DiscoveryService, new Reflector(), db);
  f.onModuleInit();
  return { f, course, collection, queries };
}

const only = (...s: PolicySubject[]) => new Set(s);

describe('AbilityFactory', () => {
  it('asks only the providers serving the route\'s subjects, after one account-admin query', async () => {
    const { f, course, collection, queries } = factory(false);
    const ability = await f.build(user, only('Course'));
    expect(course.calls).toBe(1);
    expect(collection.calls).toBe(0);
    expect(queries).toHaveLength(1);
    expect(queries[0].sql).toContain('(first_admin($1)) OR (second_admin($1, $2))');
    expect(queries[0].params).toEqual([user.userId, 'A']);
    expect(ability.can('read', 'Course')).toBe(true);
    expect(ability.can('read', 'Courses')).toBe(false);
  });

  it('gives an account admin everything in the account without asking any provider', async () => {
    const { f, course, collection } = factory(true);
    const ability = await f.build(user, only('Course', 'Courses'));
    expect(course.calls + collection.calls).toBe(0);
    expect(ability.can('update', 'Courses')).toBe(true);
    expect(ability.can('manage', 'Platform')).toBe(false);
  });

  it('runs no query for API clients, superusers and core-only routes', async () => {
    const { f, course, queries } = factory(false);
    await f.build({ kind: 'client', accountId: 'A', isSuperuser: false, clientId: 'c' }, only('Course'));
    await f.build({ ...user, isSuperuser: true }, only('Course'));
    const session = await f.build(user, only('Session'));
    expect(queries).toHaveLength(0);
    expect(course.calls).toBe(0);
    expect(session.can('read', 'Session')).toBe(true);
  });

  it('denies a superuser deleting itself on user subjects only, with the reason, and lists still filter', async () => {
    const { f } = factory(false);
    const root = await f.build({ ...user, isSuperuser: true }, only('Course'));
    const self = asSubject('Course', { accountId: 'A', userId: user.userId } as Record<string, unknown>);
    expect(root.can('delete', self)).toBe(false);
    expect(root.relevantRuleFor('delete', self)?.reason).toBe('A superuser cannot delete itself.');
    expect(root.can('delete', asSubject('Course', { accountId: 'A', userId: 'someone-else' } as Record<string, unknown>))).toBe(true);
    expect(root.can('update', self)).toBe(true);
    expect(root.can('delete', asSubject('Courses', { accountId: 'A', userId: user.userId } as Record<string, unknown>))).toBe(true);
    expect(readFilter(root, 'read', 'Course', {}, [])).toBe('TRUE');
    expect(readFilter(root, 'delete', 'Courses', {}, [])).toBe('TRUE');
  });
});
