import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../../../core/http/public-base-url';

export const SCIM_CONTENT_TYPE = 'application/scim+json';
export const SCIM_TAG = 'SCIM 2.0';

/** The absolute base of `meta.location` links (PUBLIC_URL, else the validated request host). */
export const scimBase = (req: FastifyRequest, publicUrl: string | undefined) => publicBaseUrl(req, publicUrl);

/** Every SCIM operation: its tag, and answers in application/scim+json (RFC 7644 section 3.1). */
export const ScimOperation = () => applyDecorators(ApiTags(SCIM_TAG), ApiProduces(SCIM_CONTENT_TYPE));

/** Operations with a body take application/scim+json or application/json alike. */
export const ScimBody = () => applyDecorators(ApiConsumes(SCIM_CONTENT_TYPE, 'application/json'), ApiBadRequestResponse({ description: 'SCIM error with scimType invalidSyntax, invalidValue, invalidPath, noTarget, mutability or tooMany.' }));
