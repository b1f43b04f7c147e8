import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ClientCredentialsService } from '../../../core/auth/client-credentials.service';
import { AnswersCredential, NO_STORE_HEADERS, RETRY_AFTER_HEADERS } from '../../../core/auth/token-response-headers';
import { ApiError } from '../../../core/http/api-error';
import { Public } from '../../../core/policy/policy.decorators';
import { OAuth2ErrorDto, OAuth2TokenDto, OAuth2TokenRequestDto } from './oauth2.dto';

/** RFC 6749 section 5.2: a failed client authentication names the scheme the client can use. */
const BASIC_CHALLENGE = 'Basic realm="oauth2"';

const invalidClient = () => new ApiError(401, [{ code: 'INVALID_CLIENT', message: 'Client authentication failed.' }], undefined, { 'WWW-Authenticate': BASIC_CHALLENGE });

/** RFC 6749 section 2.3.1: client_id and client_secret are form-urlencoded, then joined by ":" and base64-encoded. */
function formDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The Basic credentials, null without a Basic header, 'invalid' for one that cannot be read. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null | 'invalid' {
  if (!/^Basic(\s|$)/i.test(header ?? '')) return null;
  const m = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(header!);
  if (!m) return 'invalid';
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  const id = i < 0 ? null : formDecode(decoded.slice(0, i));
  const secret = i < 0 ? null : formDecode(decoded.slice(i + 1));
  return id && secret ? { id, secret } : 'invalid';
}

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
      'Exchanges client_id and client_secret (body, or HTTP Basic authentication as RFC 6749 section 2.3.1 describes) for a JWT. ' +
      'Wrong credentials give 401 invalid_client with `WWW-Authenticate: Basic realm="oauth2"`; another grant type 400 unsupported_grant_type. ' +
      'Every answer carries `Cache-Control: no-store` and `Pragma: no-cache`. Rate limited per client address across all token and login ' +
      'endpoints (TOKEN_RATE_LIMIT per minute), and per client_id after LOGIN_FAILURE_LIMIT failed attempts: 429 slow_down with Retry-After.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiHeader({ name: 'Authorization', required: false, description: 'HTTP Basic client authentication: `Basic base64(urlencode(client_id):urlencode(client_secret))`.' })
  @ApiOkResponse({ type: OAuth2TokenDto, headers: NO_STORE_HEADERS })
  @ApiBadRequestResponse({ description: 'invalid_request or unsupported_grant_type.', type: OAuth2ErrorDto, headers: NO_STORE_HEADERS })
  @ApiUnauthorizedResponse({
    description: 'invalid_client: unknown or revoked client, or a wrong secret.',
    type: OAuth2ErrorDto,
    headers: { ...NO_STORE_HEADERS, 'WWW-Authenticate': { description: '`Basic realm="oauth2"`', schema: { type: 'string' } } },
  })
  @ApiTooManyRequestsResponse({ description: 'slow_down: too many token requests from this address, or too many failures for this client_id.', type: OAuth2ErrorDto, headers: RETRY_AFTER_HEADERS })
  async token(@Body() body: OAuth2TokenRequestDto, @Headers('authorization') authorization?: string): Promise<OAuth2TokenDto> {
    if (body.grant_type !== 'client_credentials') {
      throw ApiError.badRequest('Only grant_type=client_credentials is supported.', undefined, 'UNSUPPORTED_GRANT_TYPE');
    }
    const basic = basicCredentials(authorization);
    if (basic === 'invalid') throw invalidClient();
    const clientId = body.client_id ?? basic?.id;
    const secret = body.client_secret ?? basic?.secret;
    if (!clientId || !secret) {
      throw ApiError.badRequest('client_id and client_secret are required.');
    }
    const token = await this.credentials.issue(clientId, secret);
    if (!token) throw invalidClient();
    const wantsJwt = body.token_type?.toLowerCase() === 'jwt';
    return { access_token: token.accessToken, token_type: wantsJwt ? 'JWT' : 'Bearer', expires_in: token.expiresInSeconds, scope: body.scope ?? 'read write' };
  }
}
