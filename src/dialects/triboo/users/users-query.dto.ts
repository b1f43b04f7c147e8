import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';

export class UsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated integer user ids (`user_id=29,30`); a trailing slash is ignored.', example: '29,30' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  user_id?: string;
}

export class UsersByUsernameQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated usernames (`username=user6,user7`).', example: 'user6,user7' })
  @IsOptional()
  @IsString()
  @MaxLength(200000)
  username?: string;
}

export class DeactivateByIdQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated integer user ids.', example: '29,30' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  user_id?: string;
}

export class DeactivateByUsernameQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated usernames.', example: 'user6,user7' })
  @IsOptional()
  @IsString()
  @MaxLength(200000)
  username?: string;
}
