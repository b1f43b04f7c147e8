import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ScimListEnvelopeDoc, ScimMetaDoc } from '../common/scim.docs';
import { GROUP_URN } from '../common/urns';

/** OpenAPI shapes of the SCIM Group (RFC 7643 section 4.2); the wire is built in group.mapper.ts. */
export class ScimGroupMemberDoc {
  @ApiProperty({ format: 'uuid', description: 'The member user\'s id.' })
  value: string;

  @ApiPropertyOptional({ description: 'The user\'s full name, else the username (ignored on input).' })
  display?: string;

  @ApiPropertyOptional({ enum: ['User'], description: 'Members are users. Each member also carries `$ref`, the user\'s URI (ignored on input).' })
  type?: string;
}

export class ScimGroupDoc {
  @ApiProperty({ type: [String], maxItems: 10, example: [GROUP_URN] })
  schemas: string[];

  @ApiProperty({ format: 'uuid', description: 'The group\'s id (read-only).' })
  id: string;

  @ApiPropertyOptional({ description: 'The group\'s identifier (Enabley\'s key); absent for a group made over SCIM without one.' })
  externalId?: string;

  @ApiPropertyOptional({ example: 'Tour Guides', description: 'The group\'s name.' })
  displayName?: string;

  @ApiPropertyOptional({ type: [ScimGroupMemberDoc], maxItems: 1000000, description: 'Absent when excludedAttributes names it (then not read).' })
  members?: ScimGroupMemberDoc[];

  @ApiPropertyOptional({ type: ScimMetaDoc })
  meta?: ScimMetaDoc;
}

/** The body of POST and PUT: `id` and `meta` are ignored. */
export class ScimGroupInputDoc {
  @ApiPropertyOptional({ type: [String], maxItems: 10, example: [GROUP_URN] })
  schemas?: string[];

  @ApiProperty({ example: 'Tour Guides', maxLength: 2000 })
  displayName: string;

  @ApiPropertyOptional({ description: 'Becomes the group\'s identifier (unique in the account); without it the id is.', maxLength: 2000 })
  externalId?: string;

  @ApiPropertyOptional({ type: [ScimGroupMemberDoc], maxItems: 10000, description: 'Users of the account; an unknown id answers 400 invalidValue.' })
  members?: ScimGroupMemberDoc[];
}

export class ScimGroupListDoc extends ScimListEnvelopeDoc {
  @ApiProperty({ type: [ScimGroupDoc], maxItems: 1000 })
  Resources: ScimGroupDoc[];
}
