/** The read model's tables. The rebuild builds a complete copy of them in a shadow schema and swaps it in. */
export const VIEW_TABLES = ['family_event', 'family_view', 'family_agency', 'family_alias'] as const;
