import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AbilityFactory } from './ability.factory';
import { POLICY_KEY, PolicyRequirement } from './policy.decorators';

/**
 * Refuses to start a server in which a route declares @Can with a source (param, query, body, input)
 * for a subject no @SubjectLoader loads: the guard would otherwise fail on the first such request.
 * Runs at bootstrap, after every module's providers (and so every loader) are registered, before listen.
 */
@Injectable()
export class RouteSourcesCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly abilities: AbilityFactory,
  ) {}

  onApplicationBootstrap(): void {
    const missing: string[] = [];
    for (const { instance, metatype } of this.discovery.getControllers()) {
      if (!instance || !metatype) continue;
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = (instance as Record<string, unknown>)[name] as () => unknown;
        const requirement = this.reflector.getAllAndOverride<PolicyRequirement | undefined>(POLICY_KEY, [handler, metatype]);
        if (requirement?.kind !== 'can' || !requirement.source) continue;
        if (!this.abilities.loaderFor(requirement.subject)) missing.push(`${metatype.name}.${name} (@Can '${requirement.subject}' with a source)`);
      }
    }
    if (missing.length) throw new Error(`no @SubjectLoader for: ${missing.join(', ')}`);
  }
}
