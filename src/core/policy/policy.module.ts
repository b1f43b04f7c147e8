import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AbilityFactory } from './ability.factory';
import { PolicyGuard } from './policy.guard';
import { RouteSourcesCheck } from './route-sources.check';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [AbilityFactory, PolicyGuard, RouteSourcesCheck],
  exports: [AbilityFactory, PolicyGuard],
})
export class PolicyModule {}
