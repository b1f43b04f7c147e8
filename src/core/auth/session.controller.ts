import { Body, Controller, Delete, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiError } from '../http/api-error';
import { KolibriErrorDoc } from '../http/error-response.doc';
import { CurrentPrincipal } from '../policy/current.decorators';
import { Authenticated, Public } from '../policy/policy.decorators';
import { SessionDto, SessionLoginDto } from './auth.dto';
import { Principal } from './principal';
import { SessionService } from './session.service';

@ApiTags('Kolibri: Session')
@Controller('api/auth/session')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  @Post()
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Log a user in; the answer carries a JWT for every dialect.',
    description: 'Kolibri-style session login with username and password (and optionally the facility). The access_token works on every dialect until it expires or the session is logged out.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: [KolibriErrorDoc] })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password.', type: [KolibriErrorDoc] })
  @ApiTooManyRequestsResponse({ type: [KolibriErrorDoc] })
  login(@Body() body: SessionLoginDto): Promise<SessionDto> {
    return this.sessions.login(body.username, body.password, body.facility);
  }

  @Delete('current')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    summary: 'Log out: the token of this session stops working.',
    description: 'Revokes the session the calling token belongs to; API client tokens have no session (400).',
  })
  @ApiNoContentResponse({ description: 'Logged out.' })
  @ApiBadRequestResponse({ description: 'An API client token has no session to end.', type: [KolibriErrorDoc] })
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    if (!principal.sessionId) throw ApiError.badRequest('API client tokens have no session; they expire on their own.');
    await this.sessions.logout(principal.sessionId);
  }
}
