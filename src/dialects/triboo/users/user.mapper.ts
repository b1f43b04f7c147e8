import { readAccess } from './access-groups';
import { TribooUserDto } from './user.dto';

/** SELECT list of one Triboo user: core user, its profile (may be absent) and its groups. */
export const USER_COLUMNS = `
  u.id, u.user_id, u.username, u.email, u.first_name, u.last_name, u.full_name, u.is_active,
  p.user_id IS NOT NULL AS has_profile, p.is_staff, p.is_superuser, p.language, p.location, p.year_of_birth, p.bio, p.goals,
  p.level_of_education, p.gender, p.city, p.country, p.lt_custom_country, p.lt_area, p.lt_sub_area, p.lt_address,
  p.lt_address_2, p.lt_phone_number, p.lt_gdpr, p.lt_company, p.lt_employee_id, p.lt_hire_date, p.lt_level, p.lt_job_code,
  p.lt_job_description, p.lt_department, p.lt_supervisor, p.lt_learning_group, p.lt_exempt_status, p.lt_is_tos_agreed,
  p.lt_comments, p.lt_ilt_supervisor,
  ARRAY(SELECT g.group_name FROM triboo_user_group g WHERE g.user_id = u.id) AS groups`;

export const USER_FROM = `"user" u LEFT JOIN triboo_user_profile p ON p.user_id = u.id`;

export interface UserRow {
  id: string;
  user_id: number;
  username: string;
  email: string | null;
  first_name: string;
  last_name: string;
  full_name: string;
  is_active: boolean;
  has_profile: boolean;
  is_staff: boolean | null;
  is_superuser: boolean | null;
  groups: string[];
  [field: string]: unknown;
}

const NULLABLE = [
  'year_of_birth', 'bio', 'goals', 'level_of_education', 'gender', 'city', 'lt_custom_country', 'lt_area', 'lt_sub_area',
  'lt_address', 'lt_address_2', 'lt_phone_number', 'lt_company', 'lt_employee_id', 'lt_hire_date', 'lt_level', 'lt_job_code',
  'lt_job_description', 'lt_department', 'lt_supervisor', 'lt_learning_group', 'lt_comments', 'lt_ilt_supervisor',
] as const;

/** Wire form; a user without a Triboo profile (created through another dialect) reads the defaults. */
export function toTribooUser(r: UserRow): TribooUserDto {
  const p = r.has_profile;
  const nullable = Object.fromEntries(NULLABLE.map((f) => [f, p ? (r[f] ?? null) : null])) as Record<(typeof NULLABLE)[number], never>;
  return {
    email: r.email,
    username: r.username,
    first_name: r.first_name,
    last_name: r.last_name,
    language: p ? (r.language as string) : '',
    location: p ? (r.location as string) : '',
    year_of_birth: nullable.year_of_birth,
    bio: nullable.bio,
    goals: nullable.goals,
    level_of_education: nullable.level_of_education,
    name: r.full_name,
    gender: nullable.gender,
    city: nullable.city,
    country: p ? (r.country as string) : '',
    lt_custom_country: nullable.lt_custom_country,
    lt_area: nullable.lt_area,
    lt_sub_area: nullable.lt_sub_area,
    lt_address: nullable.lt_address,
    lt_address_2: nullable.lt_address_2,
    lt_phone_number: nullable.lt_phone_number,
    lt_gdpr: p ? Boolean(r.lt_gdpr) : false,
    lt_company: nullable.lt_company,
    lt_employee_id: nullable.lt_employee_id,
    lt_hire_date: nullable.lt_hire_date,
    lt_level: nullable.lt_level,
    lt_job_code: nullable.lt_job_code,
    lt_job_description: nullable.lt_job_description,
    lt_department: nullable.lt_department,
    lt_supervisor: nullable.lt_supervisor,
    lt_learning_group: nullable.lt_learning_group,
    lt_exempt_status: p ? Boolean(r.lt_exempt_status) : true,
    lt_is_tos_agreed: p ? Boolean(r.lt_is_tos_agreed) : false,
    lt_comments: nullable.lt_comments,
    lt_ilt_supervisor: nullable.lt_ilt_supervisor,
    ...readAccess({ groups: r.groups ?? [], isStaff: Boolean(r.is_staff), isSuperuser: Boolean(r.is_superuser) }),
    user_id: r.user_id,
    is_active: r.is_active,
  };
}

/** Profile columns the create/update body may set, by wire name (the entity's property names). */
export const PROFILE_FIELDS = {
  language: 'language',
  location: 'location',
  year_of_birth: 'yearOfBirth',
  bio: 'bio',
  goals: 'goals',
  level_of_education: 'levelOfEducation',
  gender: 'gender',
  city: 'city',
  country: 'country',
  lt_custom_country: 'ltCustomCountry',
  lt_area: 'ltArea',
  lt_sub_area: 'ltSubArea',
  lt_address: 'ltAddress',
  lt_address_2: 'ltAddress2',
  lt_phone_number: 'ltPhoneNumber',
  lt_gdpr: 'ltGdpr',
  lt_company: 'ltCompany',
  lt_employee_id: 'ltEmployeeId',
  lt_hire_date: 'ltHireDate',
  lt_level: 'ltLevel',
  lt_job_code: 'ltJobCode',
  lt_job_description: 'ltJobDescription',
  lt_department: 'ltDepartment',
  lt_supervisor: 'ltSupervisor',
  lt_learning_group: 'ltLearningGroup',
  lt_exempt_status: 'ltExemptStatus',
  lt_is_tos_agreed: 'ltIsTosAgreed',
  lt_comments: 'ltComments',
  lt_ilt_supervisor: 'ltIltSupervisor',
} as const;
