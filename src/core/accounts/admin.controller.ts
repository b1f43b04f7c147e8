import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '../policy/policy.decorators';
import { AccountsService } from './accounts.service';
import { AccountDto, CreateAccountDto, CreateClientDto, CreatedClientDto } from './admin.dto';

@ApiTags('Platform administration')
@Controller('api/admin')
export class AdminController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('accounts')
  @Can('manage', 'Platform')
  @ApiOperation({
    summary: 'Create an account (tenant). Superuser only.',
    description: 'Creates a tenant. Every user, course and dialect object belongs to exactly one account. The name must be unique (409 otherwise).',
  })
  @ApiCreatedResponse({ type: AccountDto })
  @ApiBadRequestResponse()
  @ApiConflictResponse({ description: 'The name is taken.' })
  async createAccount(@Body() body: CreateAccountDto): Promise<AccountDto> {
    const account = await this.accounts.create(body.name);
    return { id: account.id, name: account.name };
  }

  @Post('accounts/:id/clients')
  @Can('manage', 'Platform')
  @ApiOperation({
    summary: 'Create an API client of an account; the secret is shown only here. Superuser only.',
    description: 'Creates machine credentials acting as administrator of that account. The secret is returned once and stored as an argon2id hash.',
  })
  @ApiCreatedResponse({ type: CreatedClientDto })
  @ApiNotFoundResponse({ description: 'No such account.' })
  @ApiBadRequestResponse()
  async createClient(@Param('id') accountId: string, @Body() body: CreateClientDto): Promise<CreatedClientDto> {
    const { client, secret } = await this.accounts.createClient(accountId, body.name);
    return { client_id: client.clientId, client_secret: secret, account_id: client.accountId };
  }

  @Delete('clients/:client_id')
  @HttpCode(204)
  @Can('manage', 'Platform')
  @ApiOperation({
    summary: 'Revoke an API client and every token it holds. Superuser only.',
    description: 'From the next request on, every token issued to this client answers 401, and the client can get no new token.',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse({ description: 'No such client.' })
  async revokeClient(@Param('client_id') clientId: string): Promise<void> {
    await this.accounts.revokeClient(clientId);
  }
}
