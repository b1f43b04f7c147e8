import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { databaseState } from '../database/outage-state';
import { rows } from '../database/sql';

/** Lets the outage tracker notice the database coming back (it probes only while it is down). */
@Injectable()
export class OutageProbe implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly probe = () => rows(this.db, 'SELECT 1');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    if (this.db.isInitialized) databaseState.useProbe(this.probe);
  }

  onApplicationShutdown(): void {
    databaseState.dropProbe(this.probe);
  }
}
