import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../core/http/transforms';
import { FacilityDatasetDto } from '../facility-datasets/facility-dataset.dto';
import { PRESETS } from '../facility-datasets/presets';

export class FacilityDto {
  @ApiProperty({ example: '4f1c2a9e0b7d3e6a5c8b1f2d3e4a5b6c', description: 'Facility id, 32 hex digits.' })
  id: string;

  @ApiProperty({ example: 'Riverside School' })
  name: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, description: 'Total number of users in the facility.' })
  num_users: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, description: 'Total number of classrooms in the facility.' })
  num_classrooms: number;

  @ApiProperty({ description: 'Dataset configuration object.' })
  dataset: FacilityDatasetDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last successful sync.' })
  last_successful_sync: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last failed sync.' })
  last_failed_sync: string | null;
}

export class CreateFacilityDto {
  @ApiProperty({ example: 'Riverside School', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}

export class CreateFacilityWithPresetDto extends CreateFacilityDto {
  @ApiProperty({ enum: PRESETS, description: 'Settings preset of the new facility.' })
  @IsNotEmpty()
  @IsIn(PRESETS)
  preset: string;
}

export class UpdateFacilityDto extends CreateFacilityDto {}
