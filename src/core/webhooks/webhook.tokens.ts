/** The SecretBox (webhook-secret.ts) keyed for this server. */
export const WEBHOOK_SECRET_BOX = Symbol('WEBHOOK_SECRET_BOX');
