import { Body, Controller, Delete, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Principal } from '../../../core/auth/principal';
import { SessionService } from '../../../core/auth/session.service';
import { AnswersCredential, NO_STORE_HEADERS, RETRY_AFTER_HEADERS } from '../../../core/auth/token-response-headers';
import { ApiError } from '../../../core/http/api-error';
import { KolibriErrorDoc } from '../../../core/http/error-response.doc';
import { toHexId } from '../../../core/http/ids';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Authenticated, Public } from '../../../core/policy/policy.decorators';
import { SessionFactsService } from './session-facts.service';
import { SessionDto, SessionLoginDto } from './session.dto';

@ApiTags('Kolibri: Session')
@Controller('api/auth/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly facts: SessionFactsService,
  ) {}

  @Post()
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @AnswersCredential()
  @ApiOperation({
    summary: 'Log a user in; the answer carries a JWT for every dialect.',
    description:
      'Kolibri-style session login with username and password (and optionally the facility). The access_token works on every dialect ' +
      'until it expires or the session is logged out. Every answer carries `Cache-Control: no-store` and `Pragma: no-cache`. ' +
      'Rate limited per client address across all token and login endpoints (TOKEN_RATE_LIMIT per minute), and per username ' +
      '(case-insensitive) after LOGIN_FAILURE_LIMIT failed attempts within LOGIN_FAILURE_WINDOW_SECONDS: 429 with Retry-After, ' +
      'even for the right password, until the lock ends; a successful login resets the count.',
  })
  @ApiOkResponse({ type: SessionDto, headers: NO_STORE_HEADERS })
  @ApiBadRequestResponse({ type: [KolibriErrorDoc], headers: NO_STORE_HEADERS })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password.', type: [KolibriErrorDoc], headers: NO_STORE_HEADERS })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address, or too many failures for this username.', type: [KolibriErrorDoc], headers: RETRY_AFTER_HEADERS })
  async login(@Body() body: SessionLoginDto): Promise<SessionDto> {
    const accountId = body.facility ? await this.facts.accountForFacility(body.facility) : undefined;
    const { user, accessToken } = await this.sessions.login(body.username, body.password, accountId);
    const { facilityId, kinds } = await this.facts.of(user.id);
    return {
      id: toHexId(user.id),
      username: user.username,
      full_name: user.fullName || null,
      facility_id: facilityId,
      kind: [...new Set(user.isSuperuser && !kinds.includes('superuser') ? ['superuser', ...kinds] : kinds)],
      access_token: accessToken,
    };
  }

  @Delete('current')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    summary: 'Log out: the token of this session stops working.',
    description: 'Revokes the session the calling token belongs to; API client tokens have no session (400).',
  })
  @ApiNoContentResponse({ description: 'Logged out.' })
  @ApiBadRequestResponse({
    description: 'An API client token has no session to end.',
    type: [KolibriErrorDoc],
    example: [{ id: 'INVALID', metadata: { field: '', message: 'API client tokens have no session; they expire on their own.' } }],
  })
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    if (!principal.sessionId) throw ApiError.badRequest('API client tokens have no session; they expire on their own.');
    await this.sessions.logout(principal.sessionId);
  }
}
