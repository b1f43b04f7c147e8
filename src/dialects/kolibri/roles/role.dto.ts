import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsKolibriId } from '../common/kolibri-ids';

export const ROLE_KINDS = ['admin', 'coach', 'assignable_coach'] as const;
/** Kolibri's own wire value of assignable_coach, accepted as an alias. */
export const ASSIGNABLE_COACH_ALIAS = 'classroom assignable coach';
export const ACCEPTED_KINDS: string[] = [...ROLE_KINDS, ASSIGNABLE_COACH_ALIAS];

export class RoleDto {
  @ApiProperty({ example: '4f1c2a9e0b7d3e6a5c8b1f2d3e4a5b6c', description: 'Role id, 32 hex digits.' })
  id: string;

  @ApiProperty({ enum: ROLE_KINDS, description: 'admin: facility administrator; coach: classroom or facility coach; assignable_coach: can be assigned as coach.' })
  kind: string;

  @ApiProperty({ description: 'Facility or classroom id, 32 hex digits.' })
  collection: string;

  @ApiProperty({ description: 'User id, 32 hex digits.' })
  user: string;
}

export class CreateRoleDto {
  @ApiProperty({ description: 'User id (32 hex digits or UUID).' })
  @IsNotEmpty()
  @IsKolibriId()
  user: string;

  @ApiProperty({ description: 'Facility or classroom id (32 hex digits or UUID). No roles on learner groups.' })
  @IsNotEmpty()
  @IsKolibriId()
  collection: string;

  @ApiProperty({ enum: ACCEPTED_KINDS, description: 'admin and assignable_coach on a facility only; coach on a facility or classroom.' })
  @IsNotEmpty()
  @IsIn(ACCEPTED_KINDS)
  kind: string;
}

export class RoleQueryDto {
  @ApiPropertyOptional({ description: 'Only roles of this user.' })
  @IsOptional()
  @IsKolibriId()
  user?: string;

  @ApiPropertyOptional({ description: 'Only roles on this facility or classroom.' })
  @IsOptional()
  @IsKolibriId()
  collection?: string;

  @ApiPropertyOptional({ enum: ACCEPTED_KINDS, description: 'Only roles of this kind.' })
  @IsOptional()
  @IsIn(ACCEPTED_KINDS)
  kind?: string;

  @ApiPropertyOptional({ description: 'Comma-separated user ids.' })
  @IsOptional()
  @IsString()
  @MaxLength(40000)
  user_ids?: string;

  @ApiPropertyOptional({ description: 'Comma-separated role ids.' })
  @IsOptional()
  @IsString()
  @MaxLength(40000)
  by_ids?: string;
}
