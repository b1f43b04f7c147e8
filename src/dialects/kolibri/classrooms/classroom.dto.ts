import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../core/http/transforms';
import { IsKolibriId, IsOptionalNotNull } from '../common/kolibri-ids';
import { UserRoleDto } from '../facility-users/facility-user.dto';
import { ACCEPTED_KINDS } from '../roles/role.dto';

export class CoachDto {
  @ApiProperty({ description: 'User id, 32 hex digits.' })
  id: string;

  @ApiProperty({ type: String, nullable: true, description: 'Facility id, 32 hex digits.' })
  facility: string | null;

  is_superuser: boolean;

  full_name: string;

  username: string;

  @ApiProperty({ type: [UserRoleDto], maxItems: 1000 })
  roles: UserRoleDto[];
}

export class ClassroomDto {
  @ApiProperty({ example: '4f1c2a9e0b7d3e6a5c8b1f2d3e4a5b6c', description: 'Classroom id, 32 hex digits.' })
  id: string;

  @ApiProperty({ example: 'Grade 3' })
  name: string;

  @ApiProperty({ description: 'Parent facility id, 32 hex digits.', example: '3d9a8f1c2b7e4a6d9c0e5f4b1a2c3d4e' })
  parent: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, description: 'Number of learners in the classroom.' })
  learner_count: number;

  @ApiProperty({ type: [CoachDto], maxItems: 1000, description: 'Coaches assigned to this classroom.' })
  coaches: CoachDto[];
}

export class ClassroomQueryDto {
  @ApiPropertyOptional({ description: 'Filter by parent facility id; an unknown facility is a 400, as in Kolibri.' })
  @IsOptional()
  @IsKolibriId()
  parent?: string;

  @ApiPropertyOptional({
    enum: ACCEPTED_KINDS,
    description:
      "As Kolibri: superusers, API clients and facility admins get every classroom; others those they (or whose facility they) hold a role on, assignable coach roles aside; with coach, coach roles only.",
  })
  @IsOptional()
  @IsIn(ACCEPTED_KINDS)
  role?: string;
}

export class CreateClassroomDto {
  @ApiProperty({ example: 'Grade 3', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: 'Parent facility id (32 hex digits or UUID).' })
  @IsNotEmpty()
  @IsKolibriId()
  parent: string;
}

export class UpdateClassroomDto {
  @ApiPropertyOptional({ example: 'Grade 4', maxLength: 100 })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;
}
