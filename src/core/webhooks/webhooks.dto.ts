import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DELIVERY_STATUSES } from './webhook-delivery.entity';
import { WEBHOOK_EVENT_CHOICES, WEBHOOK_EVENT_TYPES } from './webhook-events';

const URL_DOC = 'Where deliveries are POSTed: an absolute http(s) URL whose host resolves to a public address (no loopback, private, link-local or metadata address).';
const EVENTS_DOC = 'Event types to deliver, or `["*"]` for every type.';

export class CreateWebhookDto {
  @ApiProperty({ description: URL_DOC, maxLength: 2000, example: 'https://hooks.example.com/learning' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ description: EVENTS_DOC, type: [String], enum: WEBHOOK_EVENT_CHOICES, minItems: 1, maxItems: 20, example: ['enrollment.created', 'enrollment.completed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsIn(WEBHOOK_EVENT_CHOICES, { each: true })
  events: string[];

  @ApiPropertyOptional({ description: 'A label for the subscription.', maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ description: URL_DOC, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: EVENTS_DOC, type: [String], enum: WEBHOOK_EVENT_CHOICES, minItems: 1, maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsIn(WEBHOOK_EVENT_CHOICES, { each: true })
  events?: string[];

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    description: 'false: no new events are queued for it and its pending deliveries wait; true resumes them and clears an automatic deactivation.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  url: string;

  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_CHOICES, maxItems: 20 })
  events: string[];

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ description: 'false: paused by PATCH, or set inactive after 3 days of failing deliveries (see `disabled_reason`).' })
  active: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'Why the server set the webhook inactive; null otherwise.' })
  disabled_reason: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Start of the current run of failed deliveries; null while deliveries succeed.' })
  failing_since: string | null;

  @ApiProperty({ format: 'date-time' })
  created: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret, `whsec_` + base64 of 32 random bytes. Shown only in this answer.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  secret: string;
}

export class WebhookSecretDto {
  @ApiProperty({ description: 'The new signing secret. For 24 hours deliveries carry a signature with the old secret too.' })
  secret: string;

  @ApiProperty({ format: 'date-time', description: 'Until when the previous secret also signs.' })
  previous_secret_expires_at: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The `webhook-id` header of every attempt of this delivery.' })
  id: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES })
  type: string;

  @ApiProperty({ type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The event\'s place in the account\'s strictly increasing sequence.' })
  sequence: number;

  @ApiProperty({ enum: DELIVERY_STATUSES, description: '`sending` while an attempt is in flight.' })
  status: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 100, description: 'Attempts made so far.' })
  attempts: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 100, maximum: 599, nullable: true, description: 'The HTTP status of the last attempt; null when it got no answer.' })
  last_status_code: number | null;

  @ApiProperty({ nullable: true, type: String })
  last_error: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the next attempt is due; null once settled.' })
  next_attempt_at: string | null;

  @ApiProperty({ format: 'date-time' })
  created: string;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto], maxItems: 100, description: 'Newest first.' })
  results: DeliveryDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next (older) page; null on the last page.' })
  next: string | null;
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'succeeded', 'failed'], description: '`pending` includes deliveries being sent.' })
  @IsOptional()
  @IsIn(['pending', 'succeeded', 'failed'])
  status?: string;

  @ApiPropertyOptional({ description: 'The `next` of the previous page.', pattern: '^[0-9]{1,19}$' })
  @IsOptional()
  @Matches(/^[0-9]{1,19}$/, { message: 'cursor must be the `next` of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'Page size, 1-100 (default 50).', pattern: '^[0-9]{1,3}$' })
  @IsOptional()
  @Matches(/^(?:[1-9][0-9]?|100)$/, { message: 'limit must be an integer from 1 to 100' })
  limit?: string;
}

export class AcceptedDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The delivery (its `webhook-id`), to follow in the deliveries list.' })
  id: string;
}

/** The list takes no parameters; one sent anyway is refused (400), as everywhere. */
export class ListWebhooksQueryDto {}
