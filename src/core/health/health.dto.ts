import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'HealthIndicator' })
export class HealthIndicatorDto {
  @ApiProperty({ example: 'up' })
  status: 'up' | 'down';

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 0, maximum: 3000, description: 'Milliseconds the ping took (while up).', example: 2 })
  responseTime?: number;

  @ApiPropertyOptional({ description: 'Why it is down.', example: 'timeout of 3000ms exceeded' })
  message?: string;
}

@ApiSchema({ name: 'HealthComponents' })
export class HealthComponentsDto {
  @ApiProperty({ description: 'The database: a `SELECT 1` answered within 3 s.' })
  database: HealthIndicatorDto;
}

/** `info` and `error` hold only the components in that state: the database is in one of them, never both. */
@ApiSchema({ name: 'HealthComponentSubset' })
export class HealthComponentSubsetDto {
  @ApiPropertyOptional({ description: 'The database, when it is in this state.' })
  database?: HealthIndicatorDto;
}

@ApiSchema({ name: 'Health' })
export class HealthDto {
  @ApiProperty({ description: '`ok` (200) while the database answers, `error` (503) otherwise.', example: 'ok' })
  status: 'ok' | 'error';

  @ApiProperty({ description: 'The components that are up (empty while the database is down).' })
  info: HealthComponentSubsetDto;

  @ApiProperty({ description: 'The components that are down (empty while up).' })
  error: HealthComponentSubsetDto;

  @ApiProperty({ description: 'Every component with its state.' })
  details: HealthComponentsDto;
}

@ApiSchema({ name: 'Liveness' })
export class LivenessDto {
  @ApiProperty({ example: 'ok' })
  status: 'ok';
}
