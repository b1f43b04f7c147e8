import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ScimMetaDoc } from '../common/scim.docs';

class ScimSupportedDoc {
  @ApiProperty()
  supported: boolean;
}

class ScimFilterSupportDoc extends ScimSupportedDoc {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, example: 1000 })
  maxResults: number;
}

class ScimBulkSupportDoc extends ScimSupportedDoc {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 })
  maxOperations: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 })
  maxPayloadSize: number;
}

class ScimAuthenticationSchemeDoc {
  @ApiProperty({ example: 'oauthbearertoken' })
  type: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  description: string;

  @ApiPropertyOptional()
  specUri?: string;

  @ApiPropertyOptional()
  primary?: boolean;
}

export class ScimServiceProviderConfigDoc {
  @ApiProperty({ type: [String], maxItems: 10 })
  schemas: string[];

  @ApiProperty()
  documentationUri: string;

  @ApiProperty({ type: ScimSupportedDoc }) patch: ScimSupportedDoc;
  @ApiProperty({ type: ScimBulkSupportDoc }) bulk: ScimBulkSupportDoc;
  @ApiProperty({ type: ScimFilterSupportDoc }) filter: ScimFilterSupportDoc;
  @ApiProperty({ type: ScimSupportedDoc }) changePassword: ScimSupportedDoc;
  @ApiProperty({ type: ScimSupportedDoc }) sort: ScimSupportedDoc;
  @ApiProperty({ type: ScimSupportedDoc }) etag: ScimSupportedDoc;
  @ApiProperty({ type: [ScimAuthenticationSchemeDoc], maxItems: 1000 }) authenticationSchemes: ScimAuthenticationSchemeDoc[];
  @ApiProperty({ type: ScimMetaDoc }) meta: ScimMetaDoc;
}

class ScimSchemaExtensionDoc {
  @ApiProperty() schema: string;
  @ApiProperty() required: boolean;
}

export class ScimResourceTypeDoc {
  @ApiProperty({ type: [String], maxItems: 10 }) schemas: string[];
  @ApiProperty({ example: 'User' }) id: string;
  @ApiProperty({ example: 'User' }) name: string;
  @ApiProperty({ example: '/Users' }) endpoint: string;
  @ApiProperty() description: string;
  @ApiProperty() schema: string;
  @ApiProperty({ type: [ScimSchemaExtensionDoc], maxItems: 1000 }) schemaExtensions: ScimSchemaExtensionDoc[];
  @ApiProperty({ type: ScimMetaDoc }) meta: ScimMetaDoc;
}

const ATTRIBUTE_FIELDS = {
  type: { enum: ['string', 'boolean', 'complex', 'reference', 'dateTime'] },
  mutability: { enum: ['readOnly', 'readWrite', 'immutable', 'writeOnly'] },
  returned: { enum: ['always', 'never', 'default', 'request'] },
  uniqueness: { enum: ['none', 'server', 'global'] },
};

class ScimSubAttributeDoc {
  @ApiProperty() name: string;
  @ApiProperty(ATTRIBUTE_FIELDS.type) type: string;
  @ApiProperty() multiValued: boolean;
  @ApiProperty() description: string;
  @ApiProperty() required: boolean;
  @ApiProperty() caseExact: boolean;
  @ApiProperty(ATTRIBUTE_FIELDS.mutability) mutability: string;
  @ApiProperty(ATTRIBUTE_FIELDS.returned) returned: string;
  @ApiProperty(ATTRIBUTE_FIELDS.uniqueness) uniqueness: string;
  @ApiPropertyOptional({ type: [String], maxItems: 10 }) referenceTypes?: string[];
}

class ScimAttributeDoc extends ScimSubAttributeDoc {
  @ApiPropertyOptional({ type: [ScimSubAttributeDoc], maxItems: 1000 }) subAttributes?: ScimSubAttributeDoc[];
}

export class ScimSchemaDoc {
  @ApiProperty({ type: [String], maxItems: 10 }) schemas: string[];
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [ScimAttributeDoc], maxItems: 1000 }) attributes: ScimAttributeDoc[];
  @ApiProperty({ type: ScimMetaDoc }) meta: ScimMetaDoc;
}

class ScimListHeadDoc {
  @ApiProperty({ type: [String], maxItems: 10 }) schemas: string[];
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 }) totalResults: number;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 }) startIndex: number;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 }) itemsPerPage: number;
}

export class ScimResourceTypeListDoc extends ScimListHeadDoc {
  @ApiProperty({ type: [ScimResourceTypeDoc], maxItems: 1000 }) Resources: ScimResourceTypeDoc[];
}

export class ScimSchemaListDoc extends ScimListHeadDoc {
  @ApiProperty({ type: [ScimSchemaDoc], maxItems: 1000 }) Resources: ScimSchemaDoc[];
}
