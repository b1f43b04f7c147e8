import { Index } from 'typeorm';
import { User } from '../../../core/users/user.entity';

/**
 * Case-insensitive substring filters of GET /api/v2/users and /api/v3/users are served by pg_trgm GIN
 * indexes on the core user table. TypeORM cannot declare expression indexes, so the migration
 * (EnableyUsers) creates them by hand; these markers tell the schema diff they exist and are managed
 * there, without touching the core entity file. This file is picked up by the `*.entity` glob.
 */
export const ENABLEY_USER_SEARCH_INDEXES = ['IDX_user_email_trgm', 'IDX_user_username_trgm', 'IDX_user_first_name_trgm', 'IDX_user_last_name_trgm'] as const;

for (const name of ENABLEY_USER_SEARCH_INDEXES) Index(name, { synchronize: false })(User);
