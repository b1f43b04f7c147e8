import { Module } from '@nestjs/common';
import { EnableyPaginationModule } from '../pagination/pagination.module';
import { EnableySubAccountsModule } from '../sub-accounts/sub-accounts.module';
import { EnableyUserIdentityController } from './user-identity.controller';
import { EnableyUserLoader } from './user.loader';
import { EnableyUsersController } from './users.controller';
import { EnableyUsersReadService } from './users-read.service';
import { EnableyUsersV3Controller } from './users-v3.controller';
import { EnableyUsersService } from './users.service';

@Module({
  imports: [EnableyPaginationModule, EnableySubAccountsModule],
  controllers: [EnableyUsersController, EnableyUserIdentityController, EnableyUsersV3Controller],
  providers: [EnableyUsersReadService, EnableyUsersService, EnableyUserLoader],
  exports: [EnableyUsersReadService],
})
export class EnableyUsersModule {}
