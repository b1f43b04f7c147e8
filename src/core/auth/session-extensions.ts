import { SetMetadata } from '@nestjs/common';
import { User } from '../users/user.entity';

export const SESSION_ENRICHER_KEY = 'auth:session-enricher';

export interface SessionFacts {
  facility_id?: string | null;
  kind?: string[];
}

/**
 * A dialect adds what it knows about a logged-in user to the session answer (Kolibri: the
 * user's facility and role kinds). Mark the provider with @SessionEnricher().
 */
export interface SessionEnricherProvider {
  enrich(user: User): Promise<SessionFacts>;
  /** Narrows login candidates when the client names a facility; undefined means "no opinion". */
  accountForFacility?(facility: string): Promise<string | null | undefined>;
}

export const SessionEnricher = () => SetMetadata(SESSION_ENRICHER_KEY, true);
