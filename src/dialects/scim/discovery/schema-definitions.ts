import { ENTERPRISE_URN, GROUP_URN, SCHEMA_URN, USER_URN } from '../common/urns';

/** RFC 7643 section 7 attribute definitions of exactly what this server stores and returns. */
interface AttrDef {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  subAttributes?: AttrDef[];
  referenceTypes?: string[];
}

function attr(name: string, description: string, extra: Partial<AttrDef> = {}): AttrDef {
  return { name, type: 'string', multiValued: false, description, required: false, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none', ...extra };
}

function schema(id: string, name: string, description: string, attributes: AttrDef[]) {
  return { schemas: [SCHEMA_URN], id, name, description, attributes, meta: { resourceType: 'Schema', location: `/scim/v2/Schemas/${id}` } };
}

const USER_SCHEMA = schema(USER_URN, 'User', 'User Account', [
  attr('userName', 'The platform username; unique per account, compared case-insensitively.', { required: true, uniqueness: 'server' }),
  attr('name', 'The user\'s names.', {
    type: 'complex',
    subAttributes: [
      attr('givenName', 'First name.'),
      attr('familyName', 'Last name.'),
      attr('formatted', 'givenName and familyName joined by a space.', { mutability: 'readOnly' }),
    ],
  }),
  attr('displayName', 'The full name the platform shows.'),
  attr('password', 'Set only; checked against the platform\'s password policy.', { mutability: 'writeOnly', returned: 'never' }),
  attr('active', 'false deactivates the user on every dialect (its tokens stop working).', { type: 'boolean' }),
  attr('emails', 'One email: the user\'s (unique per account, case-insensitively).', {
    multiValued: true,
    type: 'complex',
    subAttributes: [attr('value', 'The address.'), attr('type', 'work, home or other.'), attr('primary', 'Always true.', { type: 'boolean' })],
  }),
]);

const ENTERPRISE_SCHEMA = schema(ENTERPRISE_URN, 'EnterpriseUser', 'Enterprise User', [
  attr('employeeNumber', 'Stored and returned as given.'),
  attr('organization', 'Stored and returned as given.'),
  attr('department', 'Stored and returned as given.'),
]);

const GROUP_SCHEMA = schema(GROUP_URN, 'Group', 'Group', [
  attr('displayName', 'The group\'s name.', { required: true }),
  attr('members', 'The users in the group.', {
    multiValued: true,
    type: 'complex',
    subAttributes: [
      attr('value', 'The user\'s id.', { mutability: 'immutable', caseExact: false }),
      attr('display', 'The user\'s full name, else the username.', { mutability: 'readOnly' }),
      attr('type', 'Always User.', { mutability: 'immutable' }),
      attr('$ref', 'The user\'s URI.', { type: 'reference', referenceTypes: ['User'], mutability: 'immutable' }),
    ],
  }),
]);

export const SCHEMAS = [USER_SCHEMA, ENTERPRISE_SCHEMA, GROUP_SCHEMA];
