import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsKolibriId, IsOptionalNotNull } from '../common/kolibri-ids';
import { PRESETS } from './presets';

export class FacilityDatasetDto {
  @ApiProperty({ example: '4f1c2a9e0b7d3e6a5c8b1f2d3e4a5b6c', description: 'Dataset id, 32 hex digits.' })
  id: string;

  @ApiProperty({ description: 'Whether learners can edit their own username.' })
  learner_can_edit_username: boolean;

  @ApiProperty({ description: 'Whether learners can edit their full name.' })
  learner_can_edit_name: boolean;

  @ApiProperty({ description: 'Whether learners can change their password (never together with password-less login).' })
  learner_can_edit_password: boolean;

  @ApiProperty({ description: 'Whether learners can self-register.' })
  learner_can_sign_up: boolean;

  @ApiProperty({ description: 'Whether learners can delete their own account.' })
  learner_can_delete_account: boolean;

  @ApiProperty({ description: 'Whether password-less login is enabled (never together with learner_can_edit_password).' })
  learner_can_login_with_no_password: boolean;

  @ApiProperty({ description: 'Whether to show the download button in Learn.' })
  show_download_button_in_learn: boolean;

  @ApiProperty({ properties: {}, description: 'Free-form extra settings.' })
  extra_fields: Record<string, unknown>;

  @ApiProperty({ description: 'Facility description.' })
  description: string;

  @ApiProperty({ description: 'Facility location.' })
  location: string;

  @ApiProperty({ description: 'Whether the facility is registered with Kolibri Data Portal.' })
  registered: boolean;

  @ApiProperty({ enum: PRESETS, description: 'Preset type.' })
  preset: string;
}

export class FacilityDatasetQueryDto {
  @ApiPropertyOptional({ description: 'Facility id (32 hex digits or UUID) to get the settings of; without it, every readable dataset.', example: '4f1c2a9e0b7d3e6a5c8b1f2d3e4a5b6c' })
  @IsOptional()
  @IsKolibriId()
  facility_id?: string;
}

export class UpdateFacilityDatasetDto {
  @IsOptionalNotNull() @IsBoolean() learner_can_edit_username?: boolean;
  @IsOptionalNotNull() @IsBoolean() learner_can_edit_name?: boolean;
  @ApiPropertyOptional({ description: 'Cannot be true together with learner_can_login_with_no_password.' })
  @IsOptionalNotNull()
  @IsBoolean()
  learner_can_edit_password?: boolean;
  @IsOptionalNotNull() @IsBoolean() learner_can_sign_up?: boolean;
  @IsOptionalNotNull() @IsBoolean() learner_can_delete_account?: boolean;
  @ApiPropertyOptional({ description: 'Cannot be true together with learner_can_edit_password.' })
  @IsOptionalNotNull()
  @IsBoolean()
  learner_can_login_with_no_password?: boolean;
  @IsOptionalNotNull() @IsBoolean() show_download_button_in_learn?: boolean;

  @ApiPropertyOptional({ properties: {}, description: 'Free-form extra settings.' })
  @IsOptionalNotNull()
  @IsObject()
  extra_fields?: Record<string, unknown>;

  @IsOptionalNotNull() @IsString() @MaxLength(2000) description?: string;
  @IsOptionalNotNull() @IsString() @MaxLength(500) location?: string;
  @IsOptionalNotNull() @IsBoolean() registered?: boolean;

  @ApiPropertyOptional({ enum: PRESETS, description: 'Changing the preset does not change the flags; resetsettings applies it.' })
  @IsOptionalNotNull()
  @IsIn(PRESETS)
  preset?: string;
}
