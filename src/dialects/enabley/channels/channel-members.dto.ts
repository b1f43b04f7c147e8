import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { ToArray } from '../policy/query-transforms';
import { CHANNEL_USER_ROLES, ChannelUserRole } from './channel-members.service';

export class AssignUserQueryDto {
  @ApiPropertyOptional({
    enum: CHANNEL_USER_ROLES,
    isArray: true,
    maxItems: 2,
    description: 'Assign a user a role, Learner or Instructor, note that an instructor is assigned with basic course permissions (default LEARNER)',
  })
  @IsOptional()
  @ToArray()
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(CHANNEL_USER_ROLES, { each: true })
  roles?: ChannelUserRole[];
}
