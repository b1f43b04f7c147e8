import { Controller, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiError } from '../http/api-error';
import { ErrorResponseDoc } from '../http/error-response.doc';
import { Public } from '../policy/policy.decorators';
import { EnableyTokenDto } from './auth.dto';
import { ClientCredentialsService } from './client-credentials.service';

export class EnableyTokenQuery {
  @ApiProperty({ description: 'The API client id.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  clientKey: string;

  @ApiProperty({ description: 'The API client secret.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  secret: string;
}

@ApiTags('Enabley: Authorization')
@Controller('api/v1')
@UseGuards(ThrottlerGuard)
export class EnableyTokenController {
  constructor(private readonly credentials: ClientCredentialsService) {}

  @Post('token')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Get an access token for the API client (expires_in in milliseconds).',
    description: 'Enabley token endpoint: the same API client credentials as OAuth2, passed as query parameters. Rate limited per client address (429 with Retry-After).',
  })
  @ApiOkResponse({ type: EnableyTokenDto })
  @ApiBadRequestResponse({ type: ErrorResponseDoc })
  @ApiUnauthorizedResponse({ description: 'invalid_client', type: ErrorResponseDoc })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDoc })
  async token(@Query() query: EnableyTokenQuery): Promise<EnableyTokenDto> {
    const token = await this.credentials.issue(query.clientKey, query.secret);
    if (!token) throw ApiError.withBody(401, { error: 'invalid_client', error_description: 'Unknown client or wrong secret.' });
    return { access_token: token.accessToken, token_type: 'bearer', expires_in: token.expiresInSeconds * 1000 };
  }
}
