import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../auth/principal';
import { ApiOkList } from '../http/api-ok-list';
import { ErrorResponseDoc } from '../http/error-response.doc';
import { CurrentPrincipal } from '../policy/current.decorators';
import { Can } from '../policy/policy.decorators';
import {
  AcceptedDeliveryDto,
  CreateWebhookDto,
  CreatedWebhookDto,
  DeliveryPageDto,
  DeliveryQueryDto,
  ListWebhooksQueryDto,
  UpdateWebhookDto,
  WebhookDto,
  WebhookSecretDto,
} from './webhooks.dto';
import { MAX_WEBHOOKS, WebhooksService } from './webhooks.service';

const SIGNING =
  'Deliveries are POSTs signed per Standard Webhooks (standardwebhooks.com): `webhook-id` (the same on every retry), `webhook-timestamp` ' +
  '(unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`. A 2xx within 10 s is success.';
const BAD_INPUT = 'A malformed URL, a scheme other than http(s), a target resolving to a loopback, private, link-local or metadata address, an unknown event type, or an unknown field.';

@ApiTags('Platform: Webhooks')
@Controller('api/platform/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Can('create', 'Webhooks')
  @ApiOperation({ summary: 'Subscribe an endpoint to events; the signing secret is shown only here.', description: SIGNING })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiBadRequestResponse({ description: `${BAD_INPUT} Also: the account already has ${MAX_WEBHOOKS} webhooks.`, type: ErrorResponseDoc })
  createWebhook(@CurrentPrincipal() principal: Principal, @Body() body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(principal.accountId, body);
  }

  @Get()
  @Can('read', 'Webhooks')
  @ApiOperation({ summary: "The account's webhooks, oldest first.", description: `At most ${MAX_WEBHOOKS} per account. Secrets are never listed.` })
  @ApiOkList(WebhookDto, MAX_WEBHOOKS)
  @ApiBadRequestResponse({ description: 'An unknown query parameter.', type: ErrorResponseDoc })
  listWebhooks(@CurrentPrincipal() principal: Principal, @Query() _query: ListWebhooksQueryDto): Promise<WebhookDto[]> {
    return this.webhooks.list(principal.accountId);
  }

  @Get(':id')
  @Can('read', 'Webhook', { param: 'id' })
  @ApiOperation({ summary: 'One webhook.', description: '`active: false` with `disabled_reason` when the server turned it off after 3 days of failures; `failing_since` while deliveries fail.' })
  @ApiOkResponse({ type: WebhookDto })
  getWebhook(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<WebhookDto> {
    return this.webhooks.get(principal.accountId, id);
  }

  @Patch(':id')
  @Can('update', 'Webhook', { param: 'id' })
  @ApiOperation({ summary: 'Change the URL, events, description or active flag.', description: 'Setting `active: true` resumes pending deliveries and clears an automatic deactivation.' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiBadRequestResponse({ description: BAD_INPUT, type: ErrorResponseDoc })
  updateWebhook(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: UpdateWebhookDto): Promise<WebhookDto> {
    return this.webhooks.update(principal.accountId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('delete', 'Webhook', { param: 'id' })
  @ApiOperation({ summary: 'Delete a webhook.', description: 'Its delivery log goes with it; nothing more is sent to it (an attempt already in flight may still arrive).' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async deleteWebhook(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.webhooks.remove(principal.accountId, id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @Can('update', 'Webhook', { param: 'id' })
  @ApiOperation({
    summary: 'Rotate the signing secret.',
    description: 'For 24 hours every delivery carries two signatures, space-separated in `webhook-signature`: one with the new secret, one with the old.',
  })
  @ApiOkResponse({ type: WebhookSecretDto })
  rotateWebhookSecret(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<WebhookSecretDto> {
    return this.webhooks.rotateSecret(principal.accountId, id);
  }

  @Post(':id/test')
  @HttpCode(202)
  @Can('update', 'Webhook', { param: 'id' })
  @ApiOperation({ summary: 'Queue a `webhook.test` delivery to this webhook.', description: SIGNING })
  @ApiAcceptedResponse({ type: AcceptedDeliveryDto, description: 'Queued; follow it in the deliveries list.' })
  testWebhook(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<AcceptedDeliveryDto> {
    return this.webhooks.sendTest(principal.accountId, id);
  }

  @Get(':id/deliveries')
  @Can('read', 'Webhook', { param: 'id' })
  @ApiOperation({
    summary: "The webhook's deliveries, newest first.",
    description:
      "Keyset-paginated: pass the previous page's `next` as `cursor`. `status=pending` includes deliveries being sent. " +
      'Succeeded and failed deliveries are kept for WEBHOOK_DELIVERY_RETENTION_DAYS (default 30) after they finished, then deleted; pending ones are kept until they finish.',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiBadRequestResponse({ description: 'An unknown status, a malformed cursor or limit, or an unknown parameter.', type: ErrorResponseDoc })
  listWebhookDeliveries(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.webhooks.deliveries(principal.accountId, id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Can('update', 'Webhook', { param: 'id' })
  @ApiOperation({ summary: 'Send a delivery again.', description: 'The same `webhook-id` (consumers deduplicate by it), a fresh set of attempts. A delivery in flight is left to finish.' })
  @ApiAcceptedResponse({ type: AcceptedDeliveryDto, description: 'Queued again.' })
  redeliverWebhookDelivery(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('deliveryId') deliveryId: string): Promise<AcceptedDeliveryDto> {
    return this.webhooks.redeliver(principal.accountId, id, deliveryId);
  }
}
