import { Index } from 'typeorm';
import { User } from '../../../core/users/user.entity';

/**
 * Kolibri's facility user `search` matches lower(full_name) LIKE '%term%' (and lower(username), whose pg_trgm
 * index the Enabley migration made). TypeORM cannot declare expression indexes, so the migration
 * (FacilityUserSearch) creates it by hand; this marker tells the schema diff it exists and is managed there.
 * Picked up by the `*.entity` glob.
 */
Index('IDX_user_full_name_trgm', { synchronize: false })(User);
