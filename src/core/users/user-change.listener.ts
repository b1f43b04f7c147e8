import { EntityManager } from 'typeorm';
import { User } from './user.entity';

/**
 * Called inside the transaction that created a user or changed its email or activation, so other
 * core features (pending enrollments) react before the change is visible.
 */
export type UserChangeListener = (manager: EntityManager, user: User) => Promise<void>;
