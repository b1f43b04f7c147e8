import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ToBoolean, ToInt } from '../../../core/http/transforms';
import { EmptyToNull, FORM_BOOLEANS } from '../common/transforms';
import { INT32 } from '../../../core/openapi/schema-types';

/** Optional; null allowed (stored as null). */
export const OptionalText = (description: string, max = 255, example?: string) =>
  applyDecorators(ApiPropertyOptional({ type: String, nullable: true, maxLength: max, description, example }), IsOptional(), IsString(), MaxLength(max));

/** Optional but never null (the column has a default, e.g. `language` ""). */
export const OptionalPlainText = (description: string, max = 255, example?: string) =>
  applyDecorators(ApiPropertyOptional({ type: String, maxLength: max, description, example }), ValidateIf((_, v) => v !== undefined), IsString(), MaxLength(max));

export const OptionalBool = (description: string) =>
  applyDecorators(ApiPropertyOptional({ type: Boolean, description }), ValidateIf((_, v) => v !== undefined), ToBoolean(FORM_BOOLEANS), IsBoolean());

export const OptionalChoice = (choices: readonly string[], description: string, nullable = true) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, enum: [...choices], nullable, description }),
    ...(nullable ? [EmptyToNull(), IsOptional()] : [ValidateIf((_: object, v: unknown) => v !== undefined)]),
    IsIn([...choices]),
  );

export const YearOfBirth = () =>
  applyDecorators(ApiPropertyOptional({ ...INT32, nullable: true, minimum: 1900, maximum: 2100, example: 1990 }), EmptyToNull(), IsOptional(), ToInt({ digits: 9, trim: true }), IsInt(), Min(1900), Max(2100));

export const HireDate = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2021-09-01', description: 'YYYY-MM-DD.' }),
    EmptyToNull(),
    IsOptional(),
    IsString(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'lt_hire_date must be a date in YYYY-MM-DD format.' }),
    IsISO8601({ strict: true }, { message: 'lt_hire_date must be a real calendar date (YYYY-MM-DD).' }),
  );

export const Country = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, description: 'ISO 3166-1 alpha-2 country code, or "" for none.', example: 'FR', pattern: '^([A-Za-z]{2})?$' }),
    ValidateIf((_, v) => v !== undefined),
    IsString(),
    Matches(/^([A-Za-z]{2})?$/, { message: 'country must be a two-letter ISO 3166-1 code.' }),
  );

/** A response field; `more` carries what a client generator needs beyond the type (an enum, a format). */
export const Out = (description: string, type: 'string' | 'integer' | 'boolean' = 'string', nullable = true, example?: unknown, more: { enum?: readonly string[]; format?: string } = {}) =>
  ApiProperty({ ...(type === 'integer' ? INT32 : { type: type === 'string' ? String : Boolean }), nullable, description, example, ...(more.enum ? { enum: [...more.enum] } : {}), ...(more.format ? { format: more.format } : {}) });
