import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../core/http/transforms';
import { IsKolibriId, IsOptionalNotNull } from '../common/kolibri-ids';

export class LearnerGroupDto {
  @ApiProperty({ example: '4f1c2a9e0b7d3e6a5c8b1f2d3e4a5b6c', description: 'Learner group id, 32 hex digits.' })
  id: string;

  @ApiProperty({ example: 'Red team' })
  name: string;

  @ApiProperty({ description: 'Parent classroom id, 32 hex digits.', example: '8b1e6c0f4a2d4e7f9a3b5c6d7e8f9a0b' })
  parent: string;

  @ApiProperty({ type: [String], maxItems: 100000, description: 'Ids of the learners in this group.' })
  user_ids: string[];
}

export class LearnerGroupQueryDto {
  @ApiPropertyOptional({ description: 'Filter by parent classroom id; an unknown classroom is a 400, as in Kolibri.' })
  @IsOptional()
  @IsKolibriId()
  parent?: string;
}

export class CreateLearnerGroupDto {
  @ApiProperty({ example: 'Red team', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: 'Parent classroom id (32 hex digits or UUID).', example: '8b1e6c0f4a2d4e7f9a3b5c6d7e8f9a0b' })
  @IsNotEmpty()
  @IsKolibriId()
  parent: string;
}

export class UpdateLearnerGroupDto {
  @ApiPropertyOptional({ example: 'Blue team', maxLength: 100 })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;
}
