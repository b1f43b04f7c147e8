/** The one dialect-neutral vocabulary (the triggers in migrations/*-WebhookTriggers.ts emit all but the test event). */
export const WEBHOOK_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'course.created',
  'course.updated',
  'enrollment.created',
  'enrollment.completed',
  'enrollment.ended',
  'certificate.issued',
  'bulk_enroll.completed',
  'webhook.test',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What `events` may list: the types, or '*' alone for all of them. */
export const WEBHOOK_EVENT_CHOICES = [...WEBHOOK_EVENT_TYPES, '*'] as const;
