import { Module } from '@nestjs/common';
import { EnableyUserProfileLoader } from './user-profile.loader';
import { UserProfilesController } from './user-profiles.controller';
import { UserProfilesService } from './user-profiles.service';

@Module({
  controllers: [UserProfilesController],
  providers: [UserProfilesService, EnableyUserProfileLoader],
})
export class EnableyUserProfilesModule {}
