import { Controller, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ClientCredentialsService } from '../../../core/auth/client-credentials.service';
import { AnswersCredential, NO_STORE_HEADERS, RETRY_AFTER_HEADERS } from '../../../core/auth/token-response-headers';
import { ApiError } from '../../../core/http/api-error';
import { ErrorResponseDoc } from '../../../core/http/error-response.doc';
import { Public } from '../../../core/policy/policy.decorators';
import { EnableyTokenDto, EnableyTokenQuery } from './enabley-token.dto';

@ApiTags('Enabley: Authorization')
@Controller('api/v1')
@UseGuards(ThrottlerGuard)
export class EnableyTokenController {
  constructor(private readonly credentials: ClientCredentialsService) {}

  @Post('token')
  @HttpCode(200)
  @Public()
  @AnswersCredential()
  @ApiOperation({
    summary: 'Get an access token for the API client (expires_in in milliseconds).',
    description:
      'Enabley token endpoint: the same API client credentials as OAuth2, passed as query parameters. Every answer carries ' +
      '`Cache-Control: no-store` and `Pragma: no-cache`. Rate limited per client address across all token and login endpoints ' +
      '(TOKEN_RATE_LIMIT per minute), and per clientKey after LOGIN_FAILURE_LIMIT failed attempts: 429 with Retry-After.',
  })
  @ApiOkResponse({ type: EnableyTokenDto, headers: NO_STORE_HEADERS })
  @ApiBadRequestResponse({ type: ErrorResponseDoc, headers: NO_STORE_HEADERS })
  @ApiUnauthorizedResponse({
    description: 'invalid_client: unknown or revoked client, or a wrong secret.',
    type: ErrorResponseDoc,
    headers: NO_STORE_HEADERS,
    example: { error: 'invalid_client', error_description: 'Unknown client or wrong secret.' },
  })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address, or too many failures for this clientKey.', type: ErrorResponseDoc, headers: RETRY_AFTER_HEADERS })
  async token(@Query() query: EnableyTokenQuery): Promise<EnableyTokenDto> {
    const token = await this.credentials.issue(query.clientKey, query.secret);
    if (!token) throw new ApiError(401, [{ code: 'INVALID_CLIENT', message: 'Unknown client or wrong secret.' }]);
    return { access_token: token.accessToken, token_type: 'bearer', expires_in: token.expiresInSeconds * 1000 };
  }
}
