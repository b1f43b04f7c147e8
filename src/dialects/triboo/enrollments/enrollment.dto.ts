import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { TribooCredentialsDto } from '../common/credentials.dto';

export class CourseDetailsInputDto {
  @ApiPropertyOptional({ example: 'course-v1:triboo+Demo+123' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  course_id?: string;

  @ApiPropertyOptional({ name: 'course id', description: 'The seed example\'s spelling of course_id; accepted as the same field.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  'course id'?: string;
}

export class EnrollmentRequestDto extends TribooCredentialsDto {
  @ApiPropertyOptional({ description: 'Username of the learner (Open edX `user`).', example: 'bdero', maxLength: 150 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  user?: string;

  @ApiPropertyOptional({ description: 'Username of the learner (alias of `user`).', example: 'bdero' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  username?: string;

  @ApiPropertyOptional({ description: 'Enrollment mode (default honor).', example: 'honor' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  mode?: string;

  @ApiPropertyOptional({ default: true, description: 'false unenrolls. A JSON boolean, as Open edX requires: "true", 1 or "yes" are a 400.' })
  @IsOptional()
  @IsBoolean({ message: 'is_active must be a boolean (true or false): it is the enrollment activation status.' })
  is_active?: boolean;

  @IsObject()
  @ValidateNested()
  @Type(() => CourseDetailsInputDto)
  course_details: CourseDetailsInputDto;
}

export class CourseDetailsDto {
  @ApiProperty({ example: 'course-v1:triboo+Demo+123' }) course_id: string;
  @ApiProperty({ example: 'Demo course' }) course_name: string;
  course_start: string | null;
  course_end: string | null;
}

export class EnrollmentDto {
  @ApiProperty({ format: 'date-time', example: '2021-08-01T01:00:00.000Z' }) created: string;
  @ApiProperty({ example: 'honor' }) mode: string;
  is_active: boolean;
  @ApiProperty({ description: 'Username.', example: 'bdero' }) user: string;
  course_details: CourseDetailsDto;
}
