import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ClientCredentialsService } from '../../../core/auth/client-credentials.service';
import { AnswersCredential, NO_STORE_HEADERS, RETRY_AFTER_HEADERS } from '../../../core/auth/token-response-headers';
import { grantScope } from '../../../core/auth/token-scopes';
import { ApiError } from '../../../core/http/api-error';
import { Public } from '../../../core/policy/policy.decorators';
import { ApiClientAuthentication, BasicAuthentication, BasicClientAuthentication, clientCredentials, invalidClient } from './client-authentication';
import { OAuth2ErrorDto, OAuth2TokenDto, OAuth2TokenRequestDto } from './oauth2.dto';

@ApiTags('Triboo: OAuth2')
@Controller('oauth2')
@UseGuards(ThrottlerGuard)
export class OAuth2Controller {
  constructor(private readonly credentials: ClientCredentialsService) {}

  @Post(['access_token', 'v1/access_token'])
  @HttpCode(200)
  @Public()
  @AnswersCredential()
  @ApiOperation({
    summary: 'Client-credentials token (RFC 6749 section 4.4); form or JSON body.',
    description:
      'Exchanges the client credentials for a JWT. Send them one of two ways (RFC 6749 section 2.3.1): client_id and client_secret ' +
      'in the body, with no Authorization header (the security requirement `{}`), or HTTP Basic authentication (the `clientBasic` ' +
      'scheme: `Basic base64(urlencode(client_id):urlencode(client_secret))`) with only grant_type (and scope) in the body. ' +
      'Credentials in both places answer 400 invalid_request (RFC 6749 section 2.3: one authentication method per request). ' +
      'Wrong credentials give 401 invalid_client with `WWW-Authenticate: Basic realm="oauth2"`; another grant type 400 unsupported_grant_type. ' +
      '`scope` (space-separated) is `read` (GET and HEAD), `write` (every other method) or both, the default; an unknown scope is ' +
      '400 invalid_scope. The answer\'s `scope` is what the token carries; a call its scope does not cover answers 403. ' +
      'Every answer carries `Cache-Control: no-store` and `Pragma: no-cache`. Rate limited per client address across all token and login ' +
      'endpoints (TOKEN_RATE_LIMIT per minute), and per client_id after LOGIN_FAILURE_LIMIT failed attempts: 429 slow_down with Retry-After.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiClientAuthentication()
  @ApiOkResponse({ type: OAuth2TokenDto, headers: NO_STORE_HEADERS })
  @ApiBadRequestResponse({
    description: 'invalid_request (a missing or malformed parameter, credentials sent two ways), unsupported_grant_type or invalid_scope.',
    type: OAuth2ErrorDto,
    headers: NO_STORE_HEADERS,
  })
  @ApiUnauthorizedResponse({
    description: 'invalid_client: unknown or revoked client, or a wrong secret.',
    type: OAuth2ErrorDto,
    example: { error: 'invalid_client', error_description: 'Client authentication failed.' },
    headers: { ...NO_STORE_HEADERS, 'WWW-Authenticate': { description: '`Basic realm="oauth2"`', schema: { type: 'string' } } },
  })
  @ApiTooManyRequestsResponse({ description: 'slow_down: too many token requests from this address, or too many failures for this client_id.', type: OAuth2ErrorDto, headers: RETRY_AFTER_HEADERS })
  async token(@Body() body: OAuth2TokenRequestDto, @BasicClientAuthentication() basic: BasicAuthentication): Promise<OAuth2TokenDto> {
    if (body.grant_type !== 'client_credentials') {
      throw ApiError.badRequest('Only grant_type=client_credentials is supported.', undefined, 'UNSUPPORTED_GRANT_TYPE');
    }
    const client = clientCredentials(basic, body);
    const scope = grantScope(body.scope);
    const token = await this.credentials.issue(client.id, client.secret, scope);
    if (!token) throw invalidClient();
    const wantsJwt = body.token_type?.toLowerCase() === 'jwt';
    return { access_token: token.accessToken, token_type: wantsJwt ? 'JWT' : 'Bearer', expires_in: token.expiresInSeconds, scope };
  }
}
