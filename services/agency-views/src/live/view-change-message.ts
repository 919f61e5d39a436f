/** The Postgres channel on which committed view changes are announced, to every replica's live streams. */
export const VIEW_CHANNEL = 'agency_views_changed';

export type AgencyChange = 'added' | 'updated' | 'removed';

/**
 * What one projected event changed, sent with `pg_notify` inside the projecting transaction, so it is heard only
 * once the change is committed. Small on purpose (a notification carries at most 8000 bytes): the families and
 * agencies changed and the stream position now applied, never the family's details.
 */
export interface ViewChangeMessage {
  /** The stream sequence applied; null for an event replayed from a dead letter. */
  position: number | null;
  tenant?: string;
  familyId?: string;
  agencies?: { agencyId: string; change: AgencyChange }[];
  /** Every view was rebuilt and swapped in: open screens reload. */
  rebuilt?: boolean;
}
