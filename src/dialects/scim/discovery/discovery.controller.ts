import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { Can } from '../../../core/policy/policy.decorators';
import { listResponse } from '../common/list-response';
import { ScimOperation, scimBase } from '../common/scim-http';
import { scimNotFound } from '../common/scim-error';
import { ScimResourceTypeDoc, ScimResourceTypeListDoc, ScimSchemaDoc, ScimSchemaListDoc, ScimServiceProviderConfigDoc } from './discovery.docs';
import { SCHEMAS } from './schema-definitions';
import { resourceTypes, serviceProviderConfig } from './service-provider';

/** RFC 7644 section 4: what this server supports, so an identity provider can configure itself. */
@ScimOperation()
@Controller('scim/v2')
export class ScimDiscoveryController {
  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {}

  private schemas(req: FastifyRequest) {
    const base = scimBase(req, this.env.publicUrl);
    return SCHEMAS.map((s) => ({ ...s, meta: { ...s.meta, location: `${base}${s.meta.location}` } }));
  }

  @Get('ServiceProviderConfig')
  @Can('read', 'ScimUser')
  @ApiOperation({ summary: 'SCIM: the service provider configuration.', description: 'patch yes, filter yes (maxResults 1000), sort no, etag no, bulk no, changePassword no; bearer tokens.' })
  @ApiOkResponse({ type: ScimServiceProviderConfigDoc })
  @ApiBadRequestResponse({ description: 'A malformed request.' })
  scimServiceProviderConfig(@Req() req: FastifyRequest) {
    return serviceProviderConfig(scimBase(req, this.env.publicUrl));
  }

  @Get('ResourceTypes')
  @Can('read', 'ScimUser')
  @ApiOperation({ summary: 'SCIM: the resource types served.', description: 'A ListResponse of ResourceType resources.' })
  @ApiOkResponse({ type: ScimResourceTypeListDoc })
  @ApiBadRequestResponse({ description: 'A malformed request.' })
  scimResourceTypes(@Req() req: FastifyRequest) {
    const types = resourceTypes(scimBase(req, this.env.publicUrl));
    return listResponse(types.length, 1, types);
  }

  @Get('ResourceTypes/:id')
  @Can('read', 'ScimUser')
  @ApiOperation({ summary: 'SCIM: one resource type.', description: 'By its id (`User`).' })
  @ApiParam({ name: 'id', example: 'User' })
  @ApiOkResponse({ type: ScimResourceTypeDoc })
  @ApiNotFoundResponse({ description: 'No such resource type.' })
  scimResourceType(@Req() req: FastifyRequest, @Param('id') id: string) {
    const found = resourceTypes(scimBase(req, this.env.publicUrl)).find((t) => t.id === id);
    if (!found) throw scimNotFound('ResourceType', id);
    return found;
  }

  @Get('Schemas')
  @Can('read', 'ScimUser')
  @ApiOperation({ summary: 'SCIM: the schemas served, with exactly the attributes stored.', description: 'A ListResponse of Schema resources.' })
  @ApiOkResponse({ type: ScimSchemaListDoc })
  @ApiBadRequestResponse({ description: 'A malformed request.' })
  scimSchemas(@Req() req: FastifyRequest) {
    const schemas = this.schemas(req);
    return listResponse(schemas.length, 1, schemas);
  }

  @Get('Schemas/:id')
  @Can('read', 'ScimUser')
  @ApiOperation({ summary: 'SCIM: one schema.', description: 'By its URN.' })
  @ApiParam({ name: 'id', example: 'urn:ietf:params:scim:schemas:core:2.0:User' })
  @ApiOkResponse({ type: ScimSchemaDoc })
  @ApiNotFoundResponse({ description: 'No such schema.' })
  scimSchema(@Req() req: FastifyRequest, @Param('id') id: string) {
    const found = this.schemas(req).find((s) => s.id.toLowerCase() === id.toLowerCase());
    if (!found) throw scimNotFound('Schema', id);
    return found;
  }
}
