// The dialect modules register their error formats when imported; this file may be loaded before the app is built.
import '../../src/app.module';
import { errorFormatFor } from '../../src/core/http/error-formats';

/** The error body each dialect promises (CONTRACT section 5), checked independently of the server's formats. */
const KOLIBRI_IDS = ['REQUIRED', 'UNIQUE', 'INVALID_CHOICE', 'INVALID', 'PERMISSION_DENIED', 'NOT_AUTHENTICATED', 'NOT_FOUND'];
const ENABLEY_ERRORS = ['invalid_request', 'invalid_client', 'not_found', 'access_denied', 'general_error', 'item_exists', 'item_not_exists', 'service_unavailable'];

export type Dialect = 'kolibri' | 'organizations' | 'enabley' | 'triboo' | 'oauth2' | 'platform' | 'scim';
const DIALECTS: readonly string[] = ['kolibri', 'organizations', 'enabley', 'triboo', 'oauth2', 'platform', 'scim'];
const SCIM_TYPES = ['invalidFilter', 'tooMany', 'uniqueness', 'mutability', 'invalidSyntax', 'invalidPath', 'noTarget', 'invalidValue', 'invalidVers', 'sensitive'];

/** The dialect that owns a path, from the server's own registry of error formats. */
export function dialectOf(path: string): Dialect {
  const name = errorFormatFor(path).name;
  if (!DIALECTS.includes(name)) throw new Error(`error-shapes.ts knows no shape for the "${name}" error format (${path})`);
  return name as Dialect;
}

const isString = (v: unknown) => typeof v === 'string';

/** Null when the body has the dialect's error shape, else what is wrong with it. */
export function errorShapeProblem(dialect: Dialect, body: unknown): string | null {
  const o = body as Record<string, unknown>;
  switch (dialect) {
    case 'kolibri': {
      if (!Array.isArray(body) || body.length === 0) return 'not a non-empty list';
      for (const item of body as Record<string, unknown>[]) {
        const meta = item?.metadata as Record<string, unknown> | undefined;
        if (!KOLIBRI_IDS.includes(item?.id as string)) return `bad id ${String(item?.id)}`;
        if (!meta || !isString(meta.field) || !isString(meta.message)) return 'bad metadata';
      }
      return null;
    }
    case 'enabley':
      if (!o || !ENABLEY_ERRORS.includes(o.error as string)) return `bad error word ${String(o?.error)}`;
      return isString(o.error_description) ? null : 'no error_description';
    case 'triboo':
      return o && isString(o.status) && (o.detail === undefined || isString(o.detail)) && Object.keys(o).length > 0 ? null : 'no status/detail';
    case 'oauth2':
      return o && isString(o.error) ? null : 'no error';
    case 'scim': {
      // RFC 7644 section 3.12.
      if (!o || !Array.isArray(o.schemas) || o.schemas.length !== 1 || o.schemas[0] !== 'urn:ietf:params:scim:api:messages:2.0:Error') return 'no Error schemas';
      if (!isString(o.status) || !/^[45]\d\d$/.test(o.status as string)) return `bad status ${String(o.status)}`;
      if (o.scimType !== undefined && !SCIM_TYPES.includes(o.scimType as string)) return `bad scimType ${String(o.scimType)}`;
      return isString(o.detail) ? null : 'no detail';
    }
    case 'organizations':
    case 'platform':
      return o && isString(o.error) && isString(o.message) ? null : 'no error/message';
  }
}
