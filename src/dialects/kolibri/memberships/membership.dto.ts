import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsKolibriId } from '../common/kolibri-ids';

export class MembershipDto {
  @ApiProperty({ example: '4f1c2a9e0b7d3e6a5c8b1f2d3e4a5b6c', description: 'Membership id, 32 hex digits.' })
  id: string;

  @ApiProperty({ description: 'User id, 32 hex digits.' })
  user: string;

  @ApiProperty({ description: 'Classroom or learner group id, 32 hex digits.' })
  collection: string;
}

export class CreateMembershipDto {
  @ApiProperty({ description: 'User id (32 hex digits or UUID).' })
  @IsNotEmpty()
  @IsKolibriId()
  user: string;

  @ApiProperty({ description: 'Classroom or learner group id (32 hex digits or UUID). A group needs the classroom membership first.' })
  @IsNotEmpty()
  @IsKolibriId()
  collection: string;
}

export class MembershipQueryDto {
  @ApiPropertyOptional({ description: 'Only memberships of this user.' })
  @IsOptional()
  @IsKolibriId()
  user?: string;

  @ApiPropertyOptional({ description: 'Only memberships of this classroom or group.' })
  @IsOptional()
  @IsKolibriId()
  collection?: string;

  @ApiPropertyOptional({ description: 'Comma-separated user ids.' })
  @IsOptional()
  @IsString()
  @MaxLength(40000)
  user_ids?: string;

  @ApiPropertyOptional({ description: 'Comma-separated membership ids.' })
  @IsOptional()
  @IsString()
  @MaxLength(40000)
  by_ids?: string;
}

/** Kolibri's bulk delete takes the list filters; at least one is required. */
export class MembershipDeleteQueryDto extends MembershipQueryDto {}
