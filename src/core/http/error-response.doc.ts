import { ApiProperty } from '@nestjs/swagger';

/**
 * The error body, documented once. Each dialect writes its own shape (CONTRACT section 5);
 * this schema lists every field any of them uses so generated clients can read all four.
 */
export class ErrorResponseDoc {
  @ApiProperty({ required: false, description: 'Error word (Organizations, Enabley ErrorResponse enum, OAuth2).', example: 'not_found' })
  error?: string;

  @ApiProperty({ required: false, description: 'Human-readable message (Organizations).' })
  message?: string;

  @ApiProperty({ required: false, description: 'Human-readable description (Enabley, OAuth2).' })
  error_description?: string;

  @ApiProperty({ required: false, description: 'Triboo status word.', example: 'error' })
  status?: string;

  @ApiProperty({ required: false, description: 'Triboo human-readable detail.' })
  detail?: string;
}

/** One item of Kolibri's list-form error body. */
export class KolibriErrorMetadataDoc {
  @ApiProperty({ description: 'The field at fault, or an empty string.' })
  field: string;

  @ApiProperty()
  message: string;
}

export class KolibriErrorDoc {
  @ApiProperty({ enum: ['REQUIRED', 'UNIQUE', 'INVALID_CHOICE', 'INVALID', 'PERMISSION_DENIED', 'NOT_AUTHENTICATED', 'NOT_FOUND'] })
  id: string;

  @ApiProperty({ type: KolibriErrorMetadataDoc })
  metadata: KolibriErrorMetadataDoc;
}
