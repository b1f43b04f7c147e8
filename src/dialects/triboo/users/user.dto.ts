import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ANALYTICS_ACCESS, AnalyticsAccess, PLATFORM_ROLES, PlatformRole } from './access-groups';
import { Country, HireDate, OptionalBool, OptionalChoice, OptionalPlainText, OptionalText, Out, YearOfBirth } from './user-fields';
import { TribooCredentialsDto } from '../common/credentials.dto';
import { INT32 } from '../../../core/openapi/schema-types';

export const GENDERS = ['m', 'f', 'o'] as const;
export const LEVELS_OF_EDUCATION = ['p', 'm', 'b', 'a', 'hs', 'jhs', 'el', 'none', 'other'] as const;

/** CREATE USERS body (form-urlencoded or JSON): every profile field of the seed. */
export class CreateTribooUserDto extends TribooCredentialsDto {
  @ApiProperty({ example: 'user8', description: 'Unique in the account.' })
  // Left out, it is "This field is required." (validation.ts) rather than every format rule it then fails.
  @IsNotEmpty()
  @IsString()
  @MaxLength(150)
  @Matches(/^[\w.@+-]+$/, { message: 'username may contain only letters, digits and @/./+/-/_ characters.' })
  username: string;

  @ApiProperty({ example: 'user8@example.com', description: 'Unique in the account (case-insensitive).' })
  @IsNotEmpty()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address.' })
  email: string;

  @OptionalPlainText('First name.', 150, 'first8')
  first_name?: string;

  @OptionalPlainText('Last name.', 150, 'last8')
  last_name?: string;

  @OptionalPlainText('Full name (the profile name).', 255, 'Eight')
  name?: string;

  @OptionalPlainText('Preferred language.', 100)
  language?: string;

  @OptionalPlainText('Location.', 255)
  location?: string;

  @YearOfBirth()
  year_of_birth?: number | null;

  @OptionalText('Biography.', 3000)
  bio?: string | null;

  @OptionalText('Goals.', 3000)
  goals?: string | null;

  @OptionalChoice(LEVELS_OF_EDUCATION, 'Open edX level of education code.')
  level_of_education?: string | null;

  @OptionalChoice(GENDERS, 'm, f or o.')
  gender?: string | null;

  @OptionalText('City.')
  city?: string | null;

  @Country()
  country?: string;

  @OptionalText('Custom country.')
  lt_custom_country?: string | null;

  @OptionalText('Area.')
  lt_area?: string | null;

  @OptionalText('Sub-area.')
  lt_sub_area?: string | null;

  @OptionalText('Address.')
  lt_address?: string | null;

  @OptionalText('Address, second line.')
  lt_address_2?: string | null;

  @OptionalText('Phone number.', 50)
  lt_phone_number?: string | null;

  @OptionalBool('GDPR consent (default false).')
  lt_gdpr?: boolean;

  @OptionalText('Company.')
  lt_company?: string | null;

  @OptionalText('Employee id.')
  lt_employee_id?: string | null;

  @HireDate()
  lt_hire_date?: string | null;

  @OptionalText('Level.')
  lt_level?: string | null;

  @OptionalText('Job code.')
  lt_job_code?: string | null;

  @OptionalText('Job description.')
  lt_job_description?: string | null;

  @OptionalText('Department.')
  lt_department?: string | null;

  @OptionalText('Username of the supervisor (the progress report `supervisor=` filter).')
  lt_supervisor?: string | null;

  @OptionalText('Learning group.')
  lt_learning_group?: string | null;

  @OptionalBool('Exempt status (default true).')
  lt_exempt_status?: boolean;

  @OptionalBool('Terms of service agreed (default false).')
  lt_is_tos_agreed?: boolean;

  @OptionalText('Comments.', 3000)
  lt_comments?: string | null;

  @OptionalText('ILT supervisor.')
  lt_ilt_supervisor?: string | null;

  // The seed also spells the last role "Platform Super Admin"; both spellings are the same role.
  @Transform(({ value }) => (value === 'Platform Super Admin' ? 'Super Platform Admin' : value))
  @OptionalChoice(
    PLATFORM_ROLES,
    'Learner (default); Studio Admin joins STUDIO_ADMIN_ACCESS_GROUP; Platform Admin is staff (account administrator); Super Platform Admin (also accepted as "Platform Super Admin", the seed\'s other spelling) is staff and superuser of the account.',
    false,
  )
  platform_role?: PlatformRole;

  @OptionalChoice(ANALYTICS_ACCESS, 'None (default); Restricted joins ANALYTICS_LIMITED_ACCESS_GROUP; Full Access joins ANALYTICS_ACCESS_GROUP unless the user is a Platform Admin.')
  analytics_access?: AnalyticsAccess | null;

  @OptionalBool('false: member of CATALOG_DENIED_GROUP.')
  internal_catalog_access?: boolean;

  @OptionalBool('false: member of EDFLEX_DENIED_GROUP.')
  edflex_catalog_access?: boolean;

  @OptionalBool('false: member of CREHANA_DENIED_GROUP.')
  crehana_catalog_access?: boolean;

  @OptionalBool('false: member of ANDERSPINK_DENIED_GROUP.')
  anderspink_catalog_access?: boolean;

  @OptionalBool('false: member of LEARNLIGHT_DENIED_GROUP.')
  learnlight_catalog_access?: boolean;
}

/** UPDATE USER body: the create fields, all optional; a different username or email is applied. */
export class UpdateTribooUserDto extends PartialType(CreateTribooUserDto) {}

/** A user as GET USERS answers it: every create field plus user_id and is_active. */
export class TribooUserDto {
  @Out('Email.', 'string', true, 'user7@example.com') email: string | null;
  @Out('Username.', 'string', false, 'user7') username: string;
  @Out('First name.', 'string', false, 'first7') first_name: string;
  @Out('Last name.', 'string', false, 'last7') last_name: string;
  @Out('Language.', 'string', false, '') language: string;
  @Out('Location.', 'string', false, '') location: string;
  @Out('Year of birth.', 'integer', true, null) year_of_birth: number | null;
  @Out('Biography.', 'string', true, null) bio: string | null;
  @Out('Goals.', 'string', true, null) goals: string | null;
  @Out('Level of education code.', 'string', true, undefined, { enum: LEVELS_OF_EDUCATION }) level_of_education: string | null;
  @Out('Full name.', 'string', false, '') name: string;
  @Out('m, f or o.', 'string', true, undefined, { enum: GENDERS }) gender: string | null;
  @Out('City.', 'string', true, null) city: string | null;
  @Out('Country code or "".', 'string', false, '') country: string;
  @Out('Custom country.', 'string', true, null) lt_custom_country: string | null;
  @Out('Area.', 'string', true, null) lt_area: string | null;
  @Out('Sub-area.', 'string', true, null) lt_sub_area: string | null;
  @Out('Address.', 'string', true, null) lt_address: string | null;
  @Out('Address, second line.', 'string', true, null) lt_address_2: string | null;
  @Out('Phone number.', 'string', true, null) lt_phone_number: string | null;
  @Out('GDPR consent.', 'boolean', false) lt_gdpr: boolean;
  @Out('Company.', 'string', true, null) lt_company: string | null;
  @Out('Employee id.', 'string', true, null) lt_employee_id: string | null;
  @Out('Hire date, YYYY-MM-DD.', 'string', true, '2021-09-01', { format: 'date' }) lt_hire_date: string | null;
  @Out('Level.', 'string', true, null) lt_level: string | null;
  @Out('Job code.', 'string', true, null) lt_job_code: string | null;
  @Out('Job description.', 'string', true, null) lt_job_description: string | null;
  @Out('Department.', 'string', true, null) lt_department: string | null;
  @Out('Supervisor username.', 'string', true, null) lt_supervisor: string | null;
  @Out('Learning group.', 'string', true, null) lt_learning_group: string | null;
  @Out('Exempt status.', 'boolean', false) lt_exempt_status: boolean;
  @Out('Terms of service agreed.', 'boolean', false) lt_is_tos_agreed: boolean;
  @Out('Comments.', 'string', true, null) lt_comments: string | null;
  @Out('ILT supervisor.', 'string', true, null) lt_ilt_supervisor: string | null;

  @ApiProperty({ description: 'Read back from is_staff / is_superuser and STUDIO_ADMIN_ACCESS_GROUP.' })
  platform_role: PlatformRole;

  @ApiProperty({ description: 'Read back from the analytics groups; null is None.' })
  analytics_access: 'Restricted' | 'Full Access' | null;

  @Out('Not in CATALOG_DENIED_GROUP.', 'boolean', false) internal_catalog_access: boolean;
  @Out('Not in EDFLEX_DENIED_GROUP.', 'boolean', false) edflex_catalog_access: boolean;
  @Out('Not in CREHANA_DENIED_GROUP.', 'boolean', false) crehana_catalog_access: boolean;
  @Out('Not in ANDERSPINK_DENIED_GROUP.', 'boolean', false) anderspink_catalog_access: boolean;
  @Out('Not in LEARNLIGHT_DENIED_GROUP.', 'boolean', false) learnlight_catalog_access: boolean;
  @Out('Integer user id.', 'integer', false, 30) user_id: number;
  @Out('false once deactivated.', 'boolean', false) is_active: boolean;
}

export class TribooUserStatusDto extends TribooUserDto {
  @ApiProperty({ enum: ['user_created', 'user_updated'], example: 'user_created' })
  status: string;
}

export class TribooUserPageDto {
  @ApiProperty({ ...INT32, example: 2 })
  count: number;
  @ApiProperty({ ...INT32, example: 1 })
  num_pages: number;
  @ApiProperty({ ...INT32, example: 1 })
  current_page: number;
  @ApiProperty({ type: [TribooUserDto], maxItems: 1000 }) results: TribooUserDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Absolute URL of the next page.', example: null }) next: string | null;
  @ApiProperty({ ...INT32, description: 'Index of the first item of this page.', example: 0 }) start: number;
  @ApiProperty({ type: String, nullable: true, description: 'Absolute URL of the previous page.', example: null }) previous: string | null;
}

export class DeactivationDto {
  @ApiProperty({ type: String, nullable: true, example: 'user6' }) username: string | null;
  @ApiProperty({ enum: ['user_deactivated', 'user_already_inactive', 'user_not_found', 'error'] }) status: string;
  @ApiProperty({ ...INT32, nullable: true, example: 29 }) user_id: number | null;
}
