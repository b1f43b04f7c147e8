import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScimToken } from './scim-token.entity';
import { ScimTokensController } from './scim-tokens.controller';
import { ScimTokensService } from './scim-tokens.service';

/** SCIM bearer tokens (CONTRACT section 8); the auth guard resolves them on /scim/v2/* through the service. */
@Module({
  imports: [TypeOrmModule.forFeature([ScimToken])],
  controllers: [ScimTokensController],
  providers: [ScimTokensService],
  exports: [ScimTokensService],
})
export class ScimTokensModule {}
