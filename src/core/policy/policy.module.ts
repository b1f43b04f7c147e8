import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AbilityFactory } from './ability.factory';
import { PolicyGuard } from './policy.guard';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [AbilityFactory, PolicyGuard],
  exports: [AbilityFactory, PolicyGuard],
})
export class PolicyModule {}
