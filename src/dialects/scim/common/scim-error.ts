import { ApiError, ErrorCode } from '../../../core/http/api-error';

export const SCIM_ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 section 3.12, table 9. */
export const SCIM_TYPES = ['invalidFilter', 'tooMany', 'uniqueness', 'mutability', 'invalidSyntax', 'invalidPath', 'noTarget', 'invalidValue', 'invalidVers', 'sensitive'] as const;
export type ScimType = (typeof SCIM_TYPES)[number];

export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR_URN];
  status: string;
  scimType?: ScimType;
  detail: string;
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimType): ScimErrorBody {
  return { schemas: [SCIM_ERROR_URN], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

const CODE_OF: Record<number, ErrorCode> = { 400: 'INVALID', 404: 'NOT_FOUND', 409: 'UNIQUE', 413: 'INVALID' };

/** An error with its exact SCIM body (the scimType only the dialect can choose). */
export function scimError(status: number, scimType: ScimType | undefined, detail: string): ApiError {
  return new ApiError(status, [{ code: CODE_OF[status] ?? 'INVALID', message: detail }], scimErrorBody(status, detail, scimType));
}

export const scimNotFound = (what: string, id: string) => scimError(404, undefined, `${what} ${id.slice(0, 100)} not found.`);
