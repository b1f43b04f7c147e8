import { Module } from '@nestjs/common';
import { EnableyGroupsModule } from '../groups/groups.module';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/** Enabley uploads: the organization bulk upload. */
@Module({
  imports: [EnableyGroupsModule],
  controllers: [UploadsController],
  providers: [UploadsService],
})
export class EnableyUploadsModule {}
