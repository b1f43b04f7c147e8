import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiError } from '../http/api-error';
import { Public } from '../policy/policy.decorators';
import { OAuth2ErrorDto, OAuth2TokenDto, OAuth2TokenRequestDto } from './auth.dto';
import { ClientCredentialsService } from './client-credentials.service';

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? null : { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

@ApiTags('Triboo: OAuth2')
@Controller('oauth2')
@UseGuards(ThrottlerGuard)
export class OAuth2Controller {
  constructor(private readonly credentials: ClientCredentialsService) {}

  @Post(['access_token', 'v1/access_token'])
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Client-credentials token (RFC 6749 section 4.4); form or JSON body.',
    description: 'Exchanges client_id and client_secret (body or HTTP Basic) for a JWT. Wrong credentials give 401 invalid_client; another grant type 400 unsupported_grant_type. Rate limited per client address (429 with Retry-After).',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: OAuth2TokenDto })
  @ApiBadRequestResponse({ description: 'invalid_request or unsupported_grant_type.', type: OAuth2ErrorDto })
  @ApiUnauthorizedResponse({ description: 'invalid_client: unknown or revoked client, or a wrong secret.', type: OAuth2ErrorDto })
  @ApiTooManyRequestsResponse({ description: 'Too many token requests; see Retry-After.', type: OAuth2ErrorDto })
  async token(@Body() body: OAuth2TokenRequestDto, @Headers('authorization') authorization?: string): Promise<OAuth2TokenDto> {
    if (body.grant_type !== 'client_credentials') {
      throw ApiError.withBody(400, { error: 'unsupported_grant_type', error_description: 'Only grant_type=client_credentials is supported.' });
    }
    const basic = basicCredentials(authorization);
    const clientId = body.client_id ?? basic?.id;
    const secret = body.client_secret ?? basic?.secret;
    if (!clientId || !secret) {
      throw ApiError.withBody(400, { error: 'invalid_request', error_description: 'client_id and client_secret are required.' });
    }
    const token = await this.credentials.issue(clientId, secret);
    if (!token) throw ApiError.withBody(401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
    const wantsJwt = body.token_type?.toLowerCase() === 'jwt';
    return { access_token: token.accessToken, token_type: wantsJwt ? 'JWT' : 'Bearer', expires_in: token.expiresInSeconds, scope: body.scope ?? 'read write' };
  }
}
