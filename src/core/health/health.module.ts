import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { OutageProbe } from './outage-probe';

// Terminus would log every failed check; the outage tracker logs the change of state once instead.
@Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController], providers: [OutageProbe] })
export class HealthModule {}
