import { EnableyPaginationModule } from '../pagination/pagination.module';
import { Module } from '@nestjs/common';
import { PerformanceController } from './performance.controller';
import { PerformanceService } from './performance.service';

/** Enabley performance: learners' progress and score per channel. */
@Module({
  imports: [EnableyPaginationModule],
  controllers: [PerformanceController],
  providers: [PerformanceService],
})
export class EnableyPerformanceModule {}
