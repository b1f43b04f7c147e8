import { ApiProperty } from '@nestjs/swagger';
import { INT32 } from '../../../core/openapi/schema-types';

export class TribooCourseDto {
  @ApiProperty({ description: 'Course key (the COURSE channel identifier).', example: 'course-v1:edX+DemoX+Demo_Course' })
  id: string;

  @ApiProperty({ example: 'Demonstration Course' })
  display_name: string;

  @ApiProperty({ description: 'Course about page.', example: 'https://lms.example.com/courses/course-v1:edX+DemoX+Demo_Course/about' })
  overview_url: string;

  @ApiProperty({ format: 'date-time', description: 'Start date (the channel start date, else its creation date).', example: '2013-02-05T05:00:00.000Z' })
  start: string;

  card_image_url: string | null;

  banner_image_url: string | null;

  short_description: string | null;

  @ApiProperty({ type: [String], maxItems: 1000, description: 'Instructor names.' })
  instructors: string[];

  @ApiProperty({ type: String, nullable: true, description: 'Expected effort, e.g. "02:30" (hours:minutes).' })
  effort: string | null;

  language: string | null;

  course_category: string | null;

  @ApiProperty({ type: [String], maxItems: 1000 })
  tags: string[];

  @ApiProperty({ type: [String], maxItems: 1000, description: 'Countries for programmatic enrollments (course_country).' })
  countries: string[];

  @ApiProperty({ type: [String], maxItems: 1000, description: 'Learning groups for programmatic enrollments.' })
  learning_groups: string[];

  @ApiProperty({ format: 'date-time', description: 'Last update.', example: '2021-08-10T09:19:05.182Z' })
  modified: string;
}

export class TribooCoursePageDto {
  @ApiProperty({ ...INT32 })
  count: number;
  @ApiProperty({ ...INT32 })
  num_pages: number;
  @ApiProperty({ ...INT32 })
  current_page: number;
  @ApiProperty({ type: [TribooCourseDto], maxItems: 1000 }) results: TribooCourseDto[];
  next: string | null;
  @ApiProperty({ ...INT32 }) start: number;
  previous: string | null;
}
