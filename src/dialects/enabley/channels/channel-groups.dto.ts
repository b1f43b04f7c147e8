import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ToBoolean } from '../../../core/http/transforms';

export class AssignGroupQueryDto {
  @ApiPropertyOptional({ description: "recursive: also the users of the group's descendant groups (default false)" })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  recursive?: boolean;

  @ApiPropertyOptional({ description: 'Channel member type' })
  @IsOptional()
  @IsIn(['LEARNER'])
  userRole?: 'LEARNER';
}
