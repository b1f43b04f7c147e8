import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../database/outage';
import { databaseState } from '../database/outage-state';
import { ApiError } from '../http/api-error';
import { Public } from '../policy/policy.decorators';
import { HealthDto, LivenessDto } from './health.dto';

@ApiTags('Platform')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: the server and its database.',
    description: 'Answers 200 while the server and its database respond, 503 (with Retry-After) otherwise, with the state of each component in both cases. No authentication.',
  })
  @ApiOkResponse({ description: 'Up.', type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer (same body, status "error").', type: HealthDto })
  async check(): Promise<HealthCheckResult> {
    try {
      const up = await this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
      databaseState.reachable();
      return up;
    } catch (e) {
      const result = (e as { getResponse?: () => unknown }).getResponse?.() as HealthCheckResult | undefined;
      if (!result || typeof result !== 'object' || !('status' in result)) throw e;
      databaseState.unreachable(new Error(result.error?.database?.message ?? 'the health check could not reach the database'));
      throw new ApiError(503, [{ code: 'INTERNAL', message: 'The database does not answer.' }], result, { 'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS) });
    }
  }

  @Get('live')
  @Public()
  @ApiOperation({
    summary: 'Liveness: the process runs.',
    description: 'Answers 200 while the process runs and serves HTTP, whatever the state of the database (that is GET /health). For orchestrators: restart the process only when this fails. No authentication.',
  })
  @ApiOkResponse({ description: 'The process is up.', type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }
}
