import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotAcceptableResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { EnrollmentDto, EnrollmentRequestDto } from './enrollment.dto';
import { TribooEnrollmentService } from './enrollment.service';

@ApiTags('Triboo: Enrollment')
@Controller('api/enrollment/v1')
export class TribooEnrollmentController {
  constructor(private readonly service: TribooEnrollmentService) {}

  @Post('enrollment')
  @HttpCode(200)
  @Can('create', 'TribooEnrollment')
  @ApiOperation({
    summary: 'Enroll one existing user in one course (Open edX enrollment API).',
    description:
      'Staff only. Creates or reactivates the enrollment and answers it (200); an existing enrollment answers 200 with it (its mode updated when `mode` is sent). `is_active: false` unenrolls. No course id or an unknown course → 400; an unknown user → 406 "The user X does not exist.".',
  })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiBadRequestResponse({ description: 'Missing or unknown course, bad field.' })
  @ApiNotAcceptableResponse({
    description: 'The user does not exist: {"status": "user_not_found", "detail": …, "message": …}.',
    example: { status: 'user_not_found', detail: 'The user jdoe does not exist.', message: 'The user jdoe does not exist.' },
  })
  enroll(@CurrentPrincipal() principal: Principal, @Body() body: EnrollmentRequestDto): Promise<EnrollmentDto> {
    return this.service.enroll(principal, body);
  }
}
