import { ExecutionContext, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { ApiError } from '../../../core/http/api-error';
import { BooleanSpelling } from '../../../core/http/transforms';
import { createValidationPipe } from '../../../core/http/validation';

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const MergedInput = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<{ query?: unknown; body?: unknown }>();
  const query = asObject(req.query);
  const body = asObject(req.body);
  // The policy guard reads the query string first; a field given twice must mean one thing.
  for (const key of Object.keys(body)) {
    if (key in query && String(query[key]) !== String(body[key])) {
      throw ApiError.badRequest(`${key} is given in both the query string and the body with different values.`, key);
    }
  }
  return { ...query, ...body };
});

const pipe = createValidationPipe({ validateCustomDecorators: true });

/**
 * The Organizations API takes its input as query string, form or JSON alike: the query string and
 * the body are merged (a field in both must agree) and validated against the DTO (unknown field → 400).
 */
export const OrgInput = () => MergedInput(pipe);

/**
 * Booleans arrive as text from query strings and forms. An empty value is refused rather than read as
 * false: the merged input cannot tell `?notify=` from a JSON `"notify": ""`, and the latter is a wrong type.
 */
export const ORGANIZATIONS_BOOLEANS: BooleanSpelling = { true: ['true', '1', 1], false: ['false', '0', 0] };

export const MAX_USERS = 1000;
export const MAX_ORGANIZATIONS = 100;

/** A comma-separated list, trimmed and de-duplicated in order; empty → 400. */
export function parseList(field: string, raw: string, max: number): string[] {
  const items = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  if (!items.length) throw ApiError.required(field, 'Give at least one value (comma-separated).');
  if (items.length > max) throw ApiError.badRequest(`At most ${max} values per call.`, field);
  return items;
}

const MODEL_PROPERTIES = 'swagger/apiModelProperties';
const MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

type PropertyOptions = { required?: boolean; description?: string; enum?: unknown[]; type?: unknown; example?: unknown; default?: unknown; maxLength?: number };

/** Documents a DTO's fields as query parameters (GET/DELETE routes; a body is accepted too). */
export function ApiQueryFrom(dto: new () => object) {
  const names: string[] = (Reflect.getMetadata(MODEL_PROPERTIES_ARRAY, dto.prototype) ?? []).map((n: string) => n.replace(/^:/, ''));
  return applyDecorators(
    ...names.map((name) => {
      const p: PropertyOptions = Reflect.getMetadata(MODEL_PROPERTIES, dto.prototype, name) ?? {};
      const type = p.type === Boolean ? 'boolean' : 'string';
      return ApiQuery({
        name,
        required: p.required !== false,
        description: p.description,
        schema: { type, ...(p.enum ? { enum: p.enum } : {}), ...(p.maxLength ? { maxLength: p.maxLength } : {}), ...(p.default !== undefined ? { default: p.default } : {}) },
        ...(p.example !== undefined ? { example: p.example } : {}),
      } as Parameters<typeof ApiQuery>[0]);
    }),
  );
}

/**
 * An id from the object the policy guard loaded from the route's input field (organization, user).
 * Nothing loaded means the field was missing or not one string: a 400 naming it.
 */
const LoadedSubjectId = createParamDecorator((data: { attr: string; field: string }, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<{ policySubject?: Record<string, unknown>; query?: unknown; body?: unknown }>();
  const value = req.policySubject?.[data.attr];
  if (typeof value === 'string') return value;
  const given = asObject(req.query)[data.field] ?? asObject(req.body)[data.field];
  if (given === undefined || given === '') throw ApiError.required(data.field);
  throw ApiError.badRequest(`${data.field} must be one identification string.`, data.field);
});

export const LoadedOrganizationId = () => LoadedSubjectId({ attr: 'organizationId', field: 'organization' });
export const LoadedUserId = () => LoadedSubjectId({ attr: 'userId', field: 'user' });

/** Routes without input still refuse unknown fields (400). */
export class NoInputDto {}
