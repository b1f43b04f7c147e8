import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Principal } from '../auth/principal';
import { AppAbility, newAbilityBuilder } from './app-ability';
import { PolicySubjectLoader, ROLE_RULES_KEY, RoleRuleProvider, SUBJECT_LOADER_KEY } from './policy-extensions';

/** Builds a principal's abilities from the platform rules and every dialect's role rules. */
@Injectable()
export class AbilityFactory implements OnModuleInit {
  private ruleProviders: RoleRuleProvider[] = [];
  private readonly loaders = new Map<string, PolicySubjectLoader>();
  /** A client's abilities depend on its account only, so they are built once per account. */
  private readonly clientAbilities = new Map<string, AppAbility>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      if (this.reflector.get(ROLE_RULES_KEY, metatype)) this.ruleProviders.push(instance as RoleRuleProvider);
      const subject = this.reflector.get<string | undefined>(SUBJECT_LOADER_KEY, metatype);
      if (subject) {
        if (this.loaders.has(subject)) throw new Error(`two subject loaders for ${subject}`);
        this.loaders.set(subject, instance as PolicySubjectLoader);
      }
    }
  }

  loaderFor(subject: string): PolicySubjectLoader | undefined {
    return this.loaders.get(subject);
  }

  async build(principal: Principal): Promise<AppAbility> {
    const { can, cannot, build } = newAbilityBuilder();
    if (principal.isSuperuser) {
      can('manage', 'all');
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
    for (const provider of this.ruleProviders) await provider.contribute(principal, can, cannot);
    cannot('manage', 'Platform');
    return build();
  }
}
