import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { rows } from '../database/sql';
import { AppAbility, PolicySubject, newAbilityBuilder } from './app-ability';
import { PolicySubjectLoader, ROLE_RULES_KEY, RoleRuleProvider, RoleRulesOptions, SUBJECT_LOADER_KEY, SUBJECT_LOADER_OPTIONS_KEY, SubjectLoaderOptions } from './policy-extensions';

interface RegisteredProvider {
  provider: RoleRuleProvider;
  subjects: ReadonlySet<string>;
}

/** Subjects no dialect role reaches: a user's abilities on them need no query. */
const CORE_ONLY = new Set<string>(['Platform', 'Session']);

/**
 * Builds a principal's abilities for the subjects one route needs: the platform rules, an
 * account-admin check every dialect contributes to (one query), and the role rules of only the
 * providers serving those subjects.
 */
@Injectable()
export class AbilityFactory implements OnModuleInit {
  private readonly providers: RegisteredProvider[] = [];
  private readonly loaders = new Map<string, PolicySubjectLoader>();
  /** Subjects whose loaders declare them the account's users (`userId` is the user's id). */
  private readonly userSubjects: string[] = [];
  /** A client's abilities depend on its account only, so they are built once per account. */
  private readonly clientAbilities = new Map<string, AppAbility>();
  private accountAdminSql = 'FALSE';

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    const adminSql: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const rules = this.reflector.get<RoleRulesOptions | undefined>(ROLE_RULES_KEY, metatype);
      if (rules) {
        this.providers.push({ provider: instance as RoleRuleProvider, subjects: new Set(rules.subjects) });
        if (rules.accountAdminSql) adminSql.push(`(${rules.accountAdminSql})`);
      }
      const subject = this.reflector.get<string | undefined>(SUBJECT_LOADER_KEY, metatype);
      if (subject) {
        if (this.loaders.has(subject)) throw new Error(`two subject loaders for ${subject}`);
        this.loaders.set(subject, instance as PolicySubjectLoader);
        if (this.reflector.get<SubjectLoaderOptions | undefined>(SUBJECT_LOADER_OPTIONS_KEY, metatype)?.user) this.userSubjects.push(subject);
      }
    }
    if (adminSql.length) this.accountAdminSql = adminSql.join(' OR ');
  }

  loaderFor(subject: string): PolicySubjectLoader | undefined {
    return this.loaders.get(subject);
  }

  /** Whether the principal administers its whole account (superuser, API client, or a dialect's admin role). */
  async administersAccount(principal: Principal): Promise<boolean> {
    if (principal.isSuperuser || principal.kind === 'client') return true;
    if (!principal.userId || this.accountAdminSql === 'FALSE') return false;
    const found = await rows<{ admin: boolean }>(
      this.db,
      `SELECT (${this.accountAdminSql}) AS admin FROM (SELECT $1::uuid AS uid, $2::uuid AS aid) x`,
      [principal.userId, principal.accountId],
      { name: 'policy_account_admin' },
    );
    return found[0]?.admin === true;
  }

  async build(principal: Principal, subjects: ReadonlySet<PolicySubject>): Promise<AppAbility> {
    const { can, cannot, build } = newAbilityBuilder();
    if (principal.isSuperuser) {
      can('manage', 'all');
      // The last superuser deleting itself would leave the platform without its administrator; the rule
      // is on users only (never on lists: no read or list filter asks for 'delete' on a user subject).
      if (this.userSubjects.length && principal.userId) {
        cannot('delete', this.userSubjects, { userId: principal.userId }).because('A superuser cannot delete itself.');
      }
      return build();
    }
    if (principal.kind === 'client') {
      const cached = this.clientAbilities.get(principal.accountId);
      if (cached) return cached;
      // An API client administers its own account and nothing else.
      can('manage', 'all', { accountId: principal.accountId });
      cannot('manage', 'Platform');
      const ability = build();
      if (this.clientAbilities.size > 10_000) this.clientAbilities.clear();
      this.clientAbilities.set(principal.accountId, ability);
      return ability;
    }
    can('read', 'Session');
    const needed = [...subjects].filter((s) => !CORE_ONLY.has(s));
    if (needed.length) {
      if (await this.administersAccount(principal)) {
        can('manage', 'all', { accountId: principal.accountId });
      } else {
        for (const { provider, subjects: served } of this.providers) {
          if (needed.some((s) => served.has(s))) await provider.contribute(principal, can, cannot, subjects);
        }
      }
    }
    cannot('manage', 'Platform');
    return build();
  }
}
