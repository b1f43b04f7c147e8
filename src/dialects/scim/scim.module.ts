import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerErrorFormat } from '../../core/http/error-formats';
import { registerJsonMediaType } from '../../core/http/json-media-types';
import { SCIM_CONTENT_TYPE } from './common/scim-http';
import { ScimDiscoveryController } from './discovery/discovery.controller';
import { ScimGroupsController } from './groups/scim-groups.controller';
import { ScimGroupsService } from './groups/scim-groups.service';
import { scimErrorFormat } from './scim.error-format';
import { ScimUser } from './users/scim-user.entity';
import { ScimUsersController } from './users/scim-users.controller';
import { ScimUsersService } from './users/scim-users.service';
import './scim.subjects';

// Registered at import, like every dialect's error format: Fastify's parsers and hooks are built outside Nest.
registerErrorFormat(scimErrorFormat);
registerJsonMediaType({ type: SCIM_CONTENT_TYPE, matches: (path) => /^\/scim(\/|$)/.test(path) });

/** SCIM 2.0 (RFC 7643, RFC 7644): identity providers provision the platform's users and groups, a fifth dialect over the core. */
@Module({
  imports: [TypeOrmModule.forFeature([ScimUser])],
  controllers: [ScimDiscoveryController, ScimUsersController, ScimGroupsController],
  providers: [ScimUsersService, ScimGroupsService],
})
export class ScimModule {}
