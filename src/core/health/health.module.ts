import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { OutageProbe } from './outage-probe';

@Module({ imports: [TerminusModule], controllers: [HealthController], providers: [OutageProbe] })
export class HealthModule {}
