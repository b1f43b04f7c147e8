import { ApiError } from '../../../core/http/api-error';
import { parseFilter, parsePatchPath } from './filter-parser';
import { filterToSql } from './filter-sql';
import { SqlParams } from './sql-params';
import { userColumn } from '../users/user-columns';

const sql = (filter: string) => {
  const p = new SqlParams(['account']);
  return { where: filterToSql(parseFilter(filter), userColumn, p), params: p.values.slice(1) };
};

const scimTypeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return ((e as ApiError).body as { scimType?: string }).scimType;
  }
  return 'no error';
};

describe('SCIM filter parser and SQL translation (RFC 7644 section 3.4.2.2)', () => {
  it('parses RFC 7644\'s examples', () => {
    for (const f of [
      'userName eq "bjensen"',
      'name.familyName co "O\'Malley"',
      'userName sw "J"',
      'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
      'title pr',
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      'title pr and userType eq "Employee"',
      'title pr or userType eq "Intern"',
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    ])
      expect(() => parseFilter(f)).not.toThrow();
  });

  it('binds and tighter than or, keeps not and parentheses', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toMatchObject({ op: 'or', right: { op: 'and' } });
    expect(parseFilter('(a eq 1 or b eq 2) and c eq 3')).toMatchObject({ op: 'and', left: { op: 'or' } });
    expect(parseFilter('not (a pr)')).toEqual({ op: 'not', filter: { op: 'pr', attr: { name: 'a' } } });
  });

  it('translates to parameterised SQL over indexed columns; userName eq through its folded key', () => {
    expect(sql('UserName EQ "BJensen"')).toEqual({ where: 'u.username_key = $2', params: ['bjensen'] });
    expect(sql('emails.value eq "A@X.org"')).toEqual({ where: 'lower(u.email) = lower($2)', params: ['A@X.org'] });
    expect(sql('externalId eq "x" and active eq false')).toEqual({ where: '(s.external_id = $2 AND u.is_active = $3)', params: ['x', false] });
    expect(sql('userName co "50%_"').params).toEqual(['%50\\%\\_%']);
    expect(sql('id eq "not-a-uuid"').where).toBe('FALSE');
  });

  it('refuses what it cannot answer with invalidFilter', () => {
    for (const f of ['', 'userName', 'userName eq', 'userName zz "a"', 'title eq "x"', 'active co "t"', '(userName eq "a"', 'emails[type eq "w"', 'userName eq unquoted', 'emails[x[y eq 1]]'])
      expect(scimTypeOf(() => sql(f))).toBe('invalidFilter');
    expect(scimTypeOf(() => parseFilter('a eq "x" and '.repeat(1000)))).toBe('invalidFilter');
  });

  it('parses PATCH paths with value filters and a sub-attribute after them', () => {
    expect(parsePatchPath('emails[type eq "work"].value')).toMatchObject({ attr: { name: 'emails' }, filter: { op: 'eq' }, subAfterFilter: 'value' });
    expect(parsePatchPath('members[value eq "2819c223-7f76-453a-919d-413861904646"]')).toMatchObject({ attr: { name: 'members' }, filter: { op: 'eq', value: '2819c223-7f76-453a-919d-413861904646' } });
    expect(parsePatchPath('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber')).toEqual({ attr: { uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', name: 'employeeNumber' } });
    expect(parsePatchPath('name.givenName')).toEqual({ attr: { name: 'name', sub: 'givenName' } });
    expect(scimTypeOf(() => parsePatchPath('emails[type eq "work"]junk'))).toBe('invalidPath');
  });
});
