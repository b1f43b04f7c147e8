import { isObject } from './json';
import { PatchPath, parsePatchPath } from './filter-parser';
import { scimError } from './scim-error';
import { MAX_PATCH_OPERATIONS, PATCH_URN } from './urns';

export type PatchOpName = 'add' | 'replace' | 'remove';

export interface PatchOperation {
  op: PatchOpName;
  path?: PatchPath;
  /** The path as sent, for messages. */
  rawPath?: string;
  value?: unknown;
}

const syntax = (detail: string) => scimError(400, 'invalidSyntax', detail);

/**
 * A PatchOp body (RFC 7644 section 3.5.2) read into operations. Entra ID capitalises op names ("Replace",
 * "Add"): op names compare case-insensitively. A remove needs a path (400 noTarget otherwise).
 */
export function readPatchBody(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw syntax('The body must be a PatchOp object.');
  const keys = Object.keys(body).map((k) => k.toLowerCase());
  const unknown = keys.find((k) => k !== 'schemas' && k !== 'operations');
  if (unknown) throw scimError(400, 'invalidValue', `Unknown attribute "${unknown.slice(0, 100)}" in the PatchOp.`);
  const schemas = Object.entries(body).find(([k]) => k.toLowerCase() === 'schemas')?.[1];
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_URN.toLowerCase())) {
    throw syntax(`schemas must be ["${PATCH_URN}"].`);
  }
  const ops = Object.entries(body).find(([k]) => k.toLowerCase() === 'operations')?.[1];
  if (!Array.isArray(ops) || ops.length === 0) throw syntax('Operations must be a non-empty list.');
  if (ops.length > MAX_PATCH_OPERATIONS) throw scimError(400, 'tooMany', `At most ${MAX_PATCH_OPERATIONS} operations per request.`);
  return ops.map((raw: unknown) => {
    if (!isObject(raw)) throw syntax('Each operation must be an object.');
    const get = (name: string) => Object.entries(raw).find(([k]) => k.toLowerCase() === name)?.[1];
    const extra = Object.keys(raw).find((k) => !['op', 'path', 'value'].includes(k.toLowerCase()));
    if (extra) throw scimError(400, 'invalidValue', `Unknown attribute "${extra.slice(0, 100)}" in an operation.`);
    const op = get('op');
    if (typeof op !== 'string' || !['add', 'replace', 'remove'].includes(op.toLowerCase())) throw syntax('op must be add, replace or remove.');
    const name = op.toLowerCase() as PatchOpName;
    const path = get('path');
    if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) throw scimError(400, 'invalidPath', 'path must be a non-empty string.');
    const value = get('value');
    if (name === 'remove' && path === undefined) throw scimError(400, 'noTarget', 'A remove operation needs a path.');
    if (name !== 'remove' && value === undefined) throw scimError(400, 'invalidValue', `An ${name} operation needs a value.`);
    return { op: name, ...(path !== undefined ? { path: parsePatchPath(path as string), rawPath: path as string } : {}), ...(value !== undefined ? { value } : {}) };
  });
}
