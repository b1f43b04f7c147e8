import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INT32 } from '../../../core/openapi/schema-types';
import { ENTERPRISE_URN, LIST_URN, PATCH_URN, USER_URN } from './urns';

/** OpenAPI shapes of the SCIM resources (RFC 7643), for the document and response validation; the wire is built in the mappers. */
export class ScimMetaDoc {
  @ApiProperty({ enum: ['User', 'Group', 'ServiceProviderConfig', 'ResourceType', 'Schema'] })
  resourceType: string;

  @ApiPropertyOptional({ format: 'date-time' })
  created?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  lastModified?: string;

  @ApiProperty({ description: 'The resource\'s URI.' })
  location: string;
}

export class ScimNameDoc {
  @ApiPropertyOptional({ example: 'Barbara' })
  givenName?: string;

  @ApiPropertyOptional({ example: 'Jensen' })
  familyName?: string;

  @ApiPropertyOptional({ description: 'givenName and familyName joined; ignored on input.', example: 'Barbara Jensen' })
  formatted?: string;

  @ApiPropertyOptional({ description: 'Accepted, not stored.' })
  middleName?: string;

  @ApiPropertyOptional({ description: 'Accepted, not stored.' })
  honorificPrefix?: string;

  @ApiPropertyOptional({ description: 'Accepted, not stored.' })
  honorificSuffix?: string;
}

export class ScimEmailDoc {
  @ApiProperty({ example: 'bjensen@example.com' })
  value: string;

  @ApiPropertyOptional({ example: 'work' })
  type?: string;

  @ApiPropertyOptional({ description: 'A boolean; Entra ID\'s "True"/"False" strings are accepted on input.', oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['True', 'False', 'true', 'false'] }] })
  primary?: boolean;

  @ApiPropertyOptional({ description: 'Accepted, not stored.' })
  display?: string;
}

export class ScimEnterpriseDoc {
  @ApiPropertyOptional({ example: '701984' })
  employeeNumber?: string;

  @ApiPropertyOptional({ example: 'Tour Operations' })
  department?: string;

  @ApiPropertyOptional({ example: 'Universal Studios' })
  organization?: string;

  @ApiPropertyOptional({ description: 'Accepted, not stored.' })
  costCenter?: string;

  @ApiPropertyOptional({ description: 'Accepted, not stored.' })
  division?: string;

  @ApiPropertyOptional({ description: 'Accepted, not stored (an object or a string).', oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }] })
  manager?: Record<string, unknown>;
}

/** A User as answered; only `schemas` and `id` come whatever `attributes`/`excludedAttributes` ask (RFC 7643 section 2.4). */
export class ScimUserDoc {
  @ApiProperty({ type: [String], maxItems: 10, example: [USER_URN] })
  schemas: string[];

  @ApiProperty({ format: 'uuid', description: 'The core user\'s id (read-only).' })
  id: string;

  @ApiPropertyOptional({ description: 'The identity provider\'s id for the user (stored as given).' })
  externalId?: string;

  @ApiPropertyOptional({ example: 'bjensen@example.com', description: 'The platform username.' })
  userName?: string;

  @ApiPropertyOptional({ type: ScimNameDoc })
  name?: ScimNameDoc;

  @ApiPropertyOptional({ example: 'Barbara Jensen' })
  displayName?: string;

  @ApiPropertyOptional({ type: [ScimEmailDoc], maxItems: 1 })
  emails?: ScimEmailDoc[];

  @ApiPropertyOptional()
  active?: boolean;

  @ApiPropertyOptional({ name: ENTERPRISE_URN, type: ScimEnterpriseDoc })
  enterprise?: ScimEnterpriseDoc;

  @ApiPropertyOptional({ type: ScimMetaDoc })
  meta?: ScimMetaDoc;
}

/** The body of POST and PUT: a User; `id` and `meta` are ignored, RFC 7643 attributes not stored are accepted and ignored. */
export class ScimUserInputDoc {
  @ApiPropertyOptional({ type: [String], maxItems: 10, example: [USER_URN, ENTERPRISE_URN] })
  schemas?: string[];

  @ApiPropertyOptional()
  externalId?: string;

  @ApiProperty({ example: 'bjensen@example.com' })
  userName: string;

  @ApiPropertyOptional({ type: ScimNameDoc })
  name?: ScimNameDoc;

  @ApiPropertyOptional()
  displayName?: string;

  @ApiPropertyOptional({ description: 'Write-only; the platform\'s password policy applies.' })
  password?: string;

  @ApiPropertyOptional({ description: 'A boolean; "True"/"False" strings are accepted.', oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['True', 'False', 'true', 'false'] }] })
  active?: boolean;

  @ApiPropertyOptional({ type: [ScimEmailDoc], maxItems: 1000 })
  emails?: ScimEmailDoc[];

  @ApiPropertyOptional({ name: ENTERPRISE_URN, type: ScimEnterpriseDoc })
  enterprise?: ScimEnterpriseDoc;

  @ApiPropertyOptional({ description: 'Accepted, not stored.' }) nickName?: string;
  @ApiPropertyOptional({ description: 'Accepted, not stored.' }) profileUrl?: string;
  @ApiPropertyOptional({ description: 'Accepted, not stored.' }) title?: string;
  @ApiPropertyOptional({ description: 'Accepted, not stored.' }) userType?: string;
  @ApiPropertyOptional({ description: 'Accepted, not stored.' }) preferredLanguage?: string;
  @ApiPropertyOptional({ description: 'Accepted, not stored.' }) locale?: string;
  @ApiPropertyOptional({ description: 'Accepted, not stored.' }) timezone?: string;
  @ApiPropertyOptional({ description: 'Accepted, not stored.', type: 'array', maxItems: 100, items: { type: 'object', additionalProperties: true } }) phoneNumbers?: unknown[];
  @ApiPropertyOptional({ description: 'Accepted, not stored.', type: 'array', maxItems: 100, items: { type: 'object', additionalProperties: true } }) addresses?: unknown[];
  @ApiPropertyOptional({ description: 'Accepted, not stored.', type: 'array', maxItems: 100, items: { type: 'object', additionalProperties: true } }) roles?: unknown[];
  @ApiPropertyOptional({ description: 'Accepted, not stored.', type: 'array', maxItems: 100, items: { type: 'object', additionalProperties: true } }) entitlements?: unknown[];
}

/** The ListResponse envelope (RFC 7644 section 3.4.2) every SCIM list shares; each resource type adds its Resources. */
export class ScimListEnvelopeDoc {
  @ApiProperty({ type: [String], maxItems: 10, example: [LIST_URN] })
  schemas: string[];

  @ApiProperty(INT32)
  totalResults: number;

  @ApiProperty(INT32)
  startIndex: number;

  @ApiProperty(INT32)
  itemsPerPage: number;
}

export class ScimUserListDoc extends ScimListEnvelopeDoc {
  @ApiProperty({ type: [ScimUserDoc], maxItems: 1000 })
  Resources: ScimUserDoc[];
}

export class ScimPatchOperationDoc {
  @ApiProperty({ enum: ['add', 'replace', 'remove', 'Add', 'Replace', 'Remove'], description: 'Case-insensitive (Entra ID capitalises).' })
  op: string;

  @ApiPropertyOptional({ example: 'emails[type eq "work"].value', description: 'An attribute path, optionally with a value filter; required for remove.' })
  path?: string;

  @ApiPropertyOptional({ description: 'Any JSON value: an object without a path, the attribute\'s value with one.', oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', maxItems: 10000, items: { oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }, { type: 'boolean' }, { type: 'number' }] } }, { type: 'string' }, { type: 'boolean' }, { type: 'number' }] })
  value?: unknown;
}

export class ScimPatchDoc {
  @ApiProperty({ type: [String], maxItems: 10, example: [PATCH_URN] })
  schemas: string[];

  @ApiProperty({ type: [ScimPatchOperationDoc], maxItems: 1000 })
  Operations: ScimPatchOperationDoc[];
}
