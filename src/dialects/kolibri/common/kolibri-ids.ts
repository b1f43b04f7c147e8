import { Matches, ValidateIf, ValidationOptions } from 'class-validator';
import { ApiError } from '../../../core/http/api-error';
import { parseUuid } from '../../../core/http/ids';

/** 32 hex digits, or the dashed UUID form. */
export const KOLIBRI_ID_PATTERN = /^([0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export function IsKolibriId(opts?: ValidationOptions): PropertyDecorator {
  return Matches(KOLIBRI_ID_PATTERN, { message: '$property must be an id of 32 hex digits (dashes allowed).', ...opts });
}

/** A validated id from a body or query string: malformed → 400 naming the field. */
export function idOf(value: string, field: string): string {
  const id = parseUuid(value);
  if (!id) throw ApiError.badRequest(`"${value}" is not a valid id.`, field);
  return id;
}

/** An optional id filter from a query string. */
export function optionalId(value: string | undefined, field: string): string | undefined {
  return value === undefined || value === '' ? undefined : idOf(value, field);
}

/** A comma-separated id list from a query string. */
export function idList(value: string | undefined, field: string): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  return value.split(',').filter(Boolean).map((v) => idOf(v.trim(), field));
}

/** A path id: malformed answers 404 like a missing object. */
export function pathId(value: string): string {
  const id = parseUuid(value);
  if (!id) throw ApiError.notFound();
  return id;
}

/** An optional body field that, when sent, must not be null (Kolibri: "This field may not be null."). */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_: object, v: unknown) => v !== undefined);
}
