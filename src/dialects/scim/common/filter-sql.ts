import { AttrPath, CompValue, CompareOp, Filter } from './filter-parser';
import { scimError } from './scim-error';
import { SqlParams, likeLiteral } from './sql-params';

/**
 * How one filterable attribute reads in SQL. `ci` strings compare lower-cased on both sides (caseExact false);
 * `exact` strings as they are; `key` hands the value to `eq`/`ne` through a JavaScript key function matched
 * against an indexed column (userName's username_key); `uuid` compares ids and matches nothing for a non-id.
 */
export interface Column {
  sql: string;
  kind: 'ci' | 'exact' | 'boolean' | 'dateTime' | 'uuid';
  key?: { sql: string; of: (value: string) => string };
  /** A multi-valued attribute kept in another table: the comparison over `sql` goes inside this (an EXISTS). */
  exists?: (condition: string) => string;
}

/** Resolves an attribute path (lower-cased names, URI checked) to its column; null: not filterable. */
export type ColumnResolver = (attr: AttrPath, within?: string) => Column | null;

const invalid = (detail: string) => scimError(400, 'invalidFilter', detail);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const shown = (a: AttrPath) => `${a.uri ? `${a.uri}:` : ''}${a.name}${a.sub ? `.${a.sub}` : ''}`;

function stringValue(attr: AttrPath, op: CompareOp, value: CompValue): string {
  if (typeof value !== 'string') throw invalid(`${shown(attr)} ${op} needs a "string" value.`);
  return value;
}

function compare(column: Column, attr: AttrPath, op: CompareOp, value: CompValue, p: SqlParams): string {
  if (value === null) {
    if (op === 'eq') return `NOT (${present(column)})`;
    if (op === 'ne') return present(column);
    throw invalid(`${shown(attr)} ${op} null is not a comparison.`);
  }
  switch (column.kind) {
    case 'boolean': {
      const b = typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : value;
      if (typeof b !== 'boolean' || (op !== 'eq' && op !== 'ne')) throw invalid(`${shown(attr)} is a boolean: only eq or ne true/false.`);
      return op === 'eq' ? `${column.sql} = ${p.add(b)}` : `${column.sql} IS DISTINCT FROM ${p.add(b)}`;
    }
    case 'dateTime': {
      const text = stringValue(attr, op, value);
      if (['co', 'sw', 'ew'].includes(op) || Number.isNaN(Date.parse(text))) throw invalid(`${shown(attr)} is a dateTime: eq ne gt ge lt le with an ISO 8601 date.`);
      const v = `${p.add(new Date(text).toISOString())}::timestamptz`;
      const sqlOp = { eq: '=', ne: 'IS DISTINCT FROM', gt: '>', ge: '>=', lt: '<', le: '<=' }[op as 'eq'];
      return `${column.sql} ${sqlOp} ${v}`;
    }
    case 'uuid': {
      const text = stringValue(attr, op, value);
      if (op === 'eq') return UUID.test(text) ? `${column.sql} = ${p.add(text.toLowerCase())}::uuid` : 'FALSE';
      if (op === 'ne') return UUID.test(text) ? `${column.sql} <> ${p.add(text.toLowerCase())}::uuid` : 'TRUE';
      return stringCompare(`${column.sql}::text`, false, op, text.toLowerCase(), p);
    }
    default: {
      const text = stringValue(attr, op, value);
      if (column.key && op === 'eq') return `${column.key.sql} = ${p.add(column.key.of(text))}`;
      if (column.key && op === 'ne') return `${column.key.sql} IS DISTINCT FROM ${p.add(column.key.of(text))}`;
      return stringCompare(column.sql, column.kind === 'ci', op, text, p);
    }
  }
}

function stringCompare(sql: string, ci: boolean, op: CompareOp, text: string, p: SqlParams): string {
  const col = ci ? `lower(${sql})` : sql;
  const val = (v: string) => (ci ? `lower(${p.add(v)})` : p.add(v));
  switch (op) {
    case 'eq':
      return `${col} = ${val(text)}`;
    case 'ne':
      return `${col} IS DISTINCT FROM ${val(text)}`;
    case 'co':
      return `${col} LIKE ${val(`%${likeLiteral(text)}%`)} ESCAPE '\\'`;
    case 'sw':
      return `${col} LIKE ${val(`${likeLiteral(text)}%`)} ESCAPE '\\'`;
    case 'ew':
      return `${col} LIKE ${val(`%${likeLiteral(text)}`)} ESCAPE '\\'`;
    default:
      return `${col} ${{ gt: '>', ge: '>=', lt: '<', le: '<=' }[op]} ${val(text)}`;
  }
}

function present(column: Column): string {
  if (column.kind === 'ci' || column.kind === 'exact') return `(${column.sql} IS NOT NULL AND ${column.sql} <> '')`;
  return `${column.sql} IS NOT NULL`;
}

/**
 * A parsed filter as one SQL boolean expression over the resolver's columns, every value a parameter. The
 * statement stays on the account's rows and their indexes (userName eq reads UQ_user_account_username_key).
 */
export function filterToSql(filter: Filter, resolve: ColumnResolver, p: SqlParams, within?: string): string {
  switch (filter.op) {
    case 'and':
    case 'or':
      return `(${filterToSql(filter.left, resolve, p, within)} ${filter.op.toUpperCase()} ${filterToSql(filter.right, resolve, p, within)})`;
    case 'not':
      return `NOT COALESCE(${filterToSql(filter.filter, resolve, p, within)}, FALSE)`;
    case 'valuePath': {
      if (within) throw invalid('A value path cannot be nested.');
      if (!resolve({ ...filter.attr, sub: 'value' })) throw invalid(`${shown(filter.attr)} is not a multi-valued attribute this server filters on.`);
      return `(${filterToSql(filter.filter, resolve, p, filter.attr.name.toLowerCase())})`;
    }
    default: {
      const attr = within ? { ...filter.attr, sub: filter.attr.name, name: within } : filter.attr;
      if (within && filter.attr.sub) throw invalid(`${shown(filter.attr)}: a value path's attributes are its sub-attributes.`);
      const column = resolve(attr);
      if (!column) throw invalid(`Filtering on ${shown(attr)} is not supported.`);
      const condition = filter.op === 'pr' ? present(column) : compare(column, attr, filter.op, filter.value, p);
      return column.exists ? column.exists(condition) : condition;
    }
  }
}
