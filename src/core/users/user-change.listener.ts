import { EntityManager } from 'typeorm';
import { User } from './user.entity';

/**
 * Called inside the transaction that created a user or changed its email or activation, so other
 * core features (pending enrollments) react before the change is visible.
 */
export type UserChangeListener = (manager: EntityManager, user: User) => Promise<void>;

/**
 * The same reaction to a new user, as CTEs of the statement that inserts it (UsersService.createIfAbsent):
 * `ins` names the CTE of the inserted "user" row (every column, RETURNING *; empty when nothing was inserted),
 * `prefix` makes the CTE names unique. Each entry is one `name AS (...)`.
 */
export type UserCreatedSql = (ins: string, prefix: string) => string[];
