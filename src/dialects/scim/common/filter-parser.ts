import { scimError } from './scim-error';

/**
 * RFC 7644 section 3.4.2.2 filters, parsed into a tree the dialect translates to SQL (users.filter-sql.ts).
 * Written here rather than taken from a library: see README.md ("Library").
 */
export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type CompValue = string | number | boolean | null;

/** `urn:...:User:name.givenName` -> { uri, name: 'name', sub: 'givenName' }; names keep their spelling, compare lower-cased. */
export interface AttrPath {
  uri?: string;
  name: string;
  sub?: string;
}

export type Filter =
  | { op: 'and' | 'or'; left: Filter; right: Filter }
  | { op: 'not'; filter: Filter }
  | { op: CompareOp; attr: AttrPath; value: CompValue }
  | { op: 'pr'; attr: AttrPath }
  | { op: 'valuePath'; attr: AttrPath; filter: Filter };

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
/** A filter longer than this is no identity provider's lookup; it only costs parsing and planning. */
export const MAX_FILTER_LENGTH = 4096;
const MAX_DEPTH = 32;

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string; value?: CompValue };

const invalid = (detail: string) => scimError(400, 'invalidFilter', detail);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if ('()[]'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < input.length && input[j] !== '"') j += input[j] === '\\' ? 2 : 1;
      if (j >= input.length) throw invalid('A string in the filter is not closed.');
      const raw = input.slice(i, j + 1);
      let value: string;
      try {
        value = JSON.parse(raw) as string;
      } catch {
        throw invalid(`Bad string ${raw.slice(0, 40)} in the filter.`);
      }
      tokens.push({ kind: 'string', text: raw, value });
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !' \t\n\r()[]"'.includes(input[j])) j++;
      const text = input.slice(i, j);
      if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) tokens.push({ kind: 'number', text, value: Number(text) });
      else tokens.push({ kind: 'word', text });
      i = j;
    }
  }
  return tokens;
}

const ATTR_NAME = /^[A-Za-z$][\w$-]*$/;

/** An attribute path as RFC 7644 writes it: `[URI ":"] attrName ["." subAttr]`. */
export function parseAttrPath(text: string, fail: (detail: string) => Error = invalid): AttrPath {
  let uri: string | undefined;
  let rest = text;
  if (/^urn:/i.test(text)) {
    const at = text.lastIndexOf(':');
    uri = text.slice(0, at);
    rest = text.slice(at + 1);
  }
  const parts = rest.split('.');
  if (parts.length > 2 || !parts.every((p) => ATTR_NAME.test(p))) throw fail(`"${text.slice(0, 100)}" is not an attribute path.`);
  return { ...(uri ? { uri } : {}), name: parts[0], ...(parts[1] ? { sub: parts[1] } : {}) };
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Filter {
    const filter = this.or(0, false);
    if (this.at < this.tokens.length) throw invalid(`Unexpected "${this.tokens[this.at].text.slice(0, 40)}" in the filter.`);
    return filter;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text.toLowerCase() === word;
  }

  private expect(text: string): void {
    const t = this.tokens[this.at++];
    if (t?.text !== text) throw invalid(`Expected "${text}" in the filter${t ? `, found "${t.text.slice(0, 40)}"` : ''}.`);
  }

  private or(depth: number, inValuePath: boolean): Filter {
    if (depth > MAX_DEPTH) throw invalid('The filter is nested too deeply.');
    let left = this.and(depth, inValuePath);
    while (this.isWord('or')) {
      this.at++;
      left = { op: 'or', left, right: this.and(depth, inValuePath) };
    }
    return left;
  }

  private and(depth: number, inValuePath: boolean): Filter {
    let left = this.unary(depth, inValuePath);
    while (this.isWord('and')) {
      this.at++;
      left = { op: 'and', left, right: this.unary(depth, inValuePath) };
    }
    return left;
  }

  private unary(depth: number, inValuePath: boolean): Filter {
    const t = this.peek();
    if (!t) throw invalid('The filter ends too early.');
    if (this.isWord('not')) {
      this.at++;
      this.expect('(');
      const filter = this.or(depth + 1, inValuePath);
      this.expect(')');
      return { op: 'not', filter };
    }
    if (t.text === '(') {
      this.at++;
      const filter = this.or(depth + 1, inValuePath);
      this.expect(')');
      return filter;
    }
    if (t.kind !== 'word') throw invalid(`Expected an attribute in the filter, found "${t.text.slice(0, 40)}".`);
    this.at++;
    const attr = parseAttrPath(t.text);
    if (this.peek()?.text === '[') {
      if (inValuePath || attr.sub) throw invalid('A value path cannot be nested or follow a sub-attribute.');
      this.at++;
      const filter = this.or(depth + 1, true);
      this.expect(']');
      return { op: 'valuePath', attr, filter };
    }
    const opToken = this.tokens[this.at++];
    const op = opToken?.kind === 'word' ? opToken.text.toLowerCase() : '';
    if (op === 'pr') return { op: 'pr', attr };
    if (!COMPARE_OPS.has(op)) throw invalid(`"${opToken?.text.slice(0, 40) ?? 'nothing'}" is not a filter operator (eq ne co sw ew gt ge lt le pr).`);
    const v = this.tokens[this.at++];
    if (!v) throw invalid('The filter ends before its value.');
    let value: CompValue;
    if (v.kind === 'string' || v.kind === 'number') value = v.value!;
    else if (v.kind === 'word' && ['true', 'false', 'null'].includes(v.text.toLowerCase())) value = JSON.parse(v.text.toLowerCase()) as CompValue;
    else throw invalid(`"${v.text.slice(0, 40)}" is not a filter value (a "string", a number, true, false or null).`);
    return { op: op as CompareOp, attr, value };
  }
}

export function parseFilter(input: string): Filter {
  if (input.length > MAX_FILTER_LENGTH) throw scimError(400, 'invalidFilter', `The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  const tokens = tokenize(input);
  if (!tokens.length) throw invalid('The filter is empty.');
  return new Parser(tokens).parse();
}

/** PATCH paths (RFC 7644 section 3.5.2): `attrPath`, or `attrName[valFilter]` with an optional `.subAttr`. */
export interface PatchPath {
  attr: AttrPath;
  filter?: Filter;
  /** The sub-attribute after a value filter: `emails[type eq "work"].value`. */
  subAfterFilter?: string;
}

export function parsePatchPath(path: string): PatchPath {
  const fail = (detail: string) => scimError(400, 'invalidPath', detail);
  if (path.length > MAX_FILTER_LENGTH) throw fail('The path is too long.');
  const open = path.indexOf('[');
  if (open < 0) return { attr: parseAttrPath(path.trim(), fail) };
  const close = path.lastIndexOf(']');
  if (close < open) throw fail(`The path "${path.slice(0, 100)}" has no closing "]".`);
  const attr = parseAttrPath(path.slice(0, open).trim(), fail);
  if (attr.sub) throw fail('A value filter follows an attribute, not a sub-attribute.');
  const tail = path.slice(close + 1);
  if (tail && !/^\.[A-Za-z$][\w$-]*$/.test(tail)) throw fail(`"${tail.slice(0, 40)}" after the value filter is not a sub-attribute.`);
  const filter = new Parser(tokenize(path.slice(open + 1, close))).parse();
  return { attr, filter, ...(tail ? { subAfterFilter: tail.slice(1) } : {}) };
}
