import type { HoldingAgencyKind } from '@baton/contracts';
import type { AgencyKind } from '@baton/tenancy';

/** The kind of holder an agency is: its own kind, or the local authority for council teams. */
export function holdingKindOf(kind: AgencyKind): HoldingAgencyKind | undefined {
  if (kind === 'youth-offending-team' || kind === 'education-welfare') return kind;
  if (kind === 'anti-social-behaviour-team' || kind === 'childrens-social-care' || kind === 'early-help') {
    return 'local-authority';
  }
  return undefined;
}
