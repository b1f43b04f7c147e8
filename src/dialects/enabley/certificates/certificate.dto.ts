import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../pagination/page-size.query';
import { PaginatedResponseOf } from '../pagination/pagination.dto';
import { CERTIFICATE_STATUSES, CertificateStatus, EXPIRATION_PERIODS, ExpirationPeriod } from '../../../core/learning/certificates/certificate.entity';
import { USER_CERTIFICATE_STATES, UserCertificateState } from '../../../core/learning/certificates/certificate-state';

/** CertificateExpiration. */
@ApiSchema({ name: 'CertificateExpiration' })
export class CertificateExpirationDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 10000, example: 12 })
  @IsInt()
  @Min(1)
  @Max(10000)
  duration: number;

  @ApiProperty({ example: 'MONTH' })
  @IsIn(EXPIRATION_PERIODS)
  period: ExpirationPeriod;
}

/** Certificate information. */
@ApiSchema({ name: 'CertificateInformation' })
export class CertificateInfoDto {
  @ApiProperty({ type: [String], maxItems: 1000, description: 'Courses related to the certificate' })
  courseIds: string[];

  @ApiProperty({ format: 'date-time', description: 'Certificate creation date' })
  created: string;

  @ApiProperty({ type: CertificateExpirationDto, nullable: true, description: 'Certificate expiration (null: never expires)' })
  expiration: CertificateExpirationDto | null;

  @ApiProperty({ description: 'External Certificate Id' })
  externalCertificateId: string;

  @ApiProperty({ description: 'Certificate name' })
  name: string;

  @ApiProperty({ description: 'Certificate status' })
  status: CertificateStatus;
}

/** Authoring body of PUT /api/v1/certificates (beyond the seed). */
export class CertificateDataDto {
  @ApiProperty({ description: 'External Certificate Id', example: 'safety-2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  externalCertificateId: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'Certificate name (required when created)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'Certificate status (default ACTIVE); only ACTIVE certificates certify.' })
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: CertificateStatus;

  @ApiPropertyOptional({ type: CertificateExpirationDto, nullable: true, description: 'Certificate expiration; null: never expires; absent: unchanged.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificateExpirationDto)
  expiration?: CertificateExpirationDto | null;

  @ApiPropertyOptional({ description: 'Identifiers of the COURSE channels the certificate requires (replaces the list).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(255, { each: true })
  courseIds?: string[];
}

/** ExternalUserCertificateState. */
@ApiSchema({ name: 'ExternalUserCertificateState' })
export class UserCertificateStateDto {
  @ApiProperty({ type: 'string', nullable: true, format: 'date-time', description: 'The date in which the user was certified' })
  certificationDate: string | null;

  @ApiProperty({ type: 'string', nullable: true, format: 'date-time', description: 'The date the user’s certification will no longer be valid (certification date + duration × period)' })
  expirationDate: string | null;

  @ApiProperty({ description: 'External Certificate Id' })
  externalCertificateId: string;

  @ApiProperty({ description: 'isRequired' })
  isRequired: boolean;

  @ApiProperty({ description: 'Certificate name' })
  name: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'Certificate PDF: a signed link that needs no token and works for CERTIFICATE_LINK_TTL_SECONDS (default 7 days) from this answer, then 410; read the certificates again for a fresh one. null until certified.' })
  pdfUrl: string | null;

  @ApiProperty({ description: 'Certificate state: INIT, IN_PROGRESS, CERTIFIED, ABOUT_TO_EXPIRE (last 30 days), EXPIRED' })
  state: UserCertificateState;
}

/** requirementUpdate. */
@ApiSchema({ name: 'requirementUpdate' })
export class RequirementUpdateDto {
  @ApiProperty({ description: 'certificateIdentifier', example: 'safety-2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  certificateIdentifier: string;

  @ApiProperty({ description: 'isRequired' })
  @IsBoolean()
  isRequired: boolean;

  @ApiProperty({ description: 'userIdentifier', example: 'jane.doe' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  userIdentifier: string;
}

export class CertificatesV2QueryDto extends PageQuery {}

@ApiSchema({ name: 'PaginationResponseCertificateInformation' })
export class CertificateInfoPageDto extends PaginatedResponseOf(CertificateInfoDto, 200) {}
