/**
 * Children in Need census referral source codes (DfE CIN census guide, "referral source").
 * Every referral maps to exactly one, so the census return needs no re-keying.
 */
export const CIN_REFERRAL_SOURCES = [
  { code: '1A', label: 'Individual: family member/relative/carer' },
  { code: '1B', label: 'Individual: acquaintance' },
  { code: '1C', label: 'Individual: self' },
  { code: '1D', label: 'Individual: other individual' },
  { code: '2A', label: 'Schools' },
  { code: '2B', label: 'Education services' },
  { code: '3A', label: 'Health services: GP' },
  { code: '3B', label: 'Health services: Health visitor' },
  { code: '3C', label: 'Health services: School nurse' },
  { code: '3D', label: 'Health services: Other primary health services' },
  { code: '3E', label: 'Health services: A&E' },
  { code: '3F', label: 'Health services: Other health services' },
  { code: '4', label: 'Housing' },
  { code: '5A', label: 'LA services: social care' },
  { code: '5B', label: 'LA services: other internal' },
  { code: '5C', label: 'LA services: external/other LA' },
  { code: '5D', label: 'LA services: early help' },
  { code: '6', label: 'Police' },
  { code: '7', label: 'Other legal agency' },
  { code: '8', label: 'Other' },
  { code: '9', label: 'Anonymous' },
  { code: '10', label: 'Unknown' },
] as const;

export type CinReferralSourceCode = (typeof CIN_REFERRAL_SOURCES)[number]['code'];

export const CIN_REFERRAL_SOURCE_CODES: readonly CinReferralSourceCode[] = CIN_REFERRAL_SOURCES.map((s) => s.code);
