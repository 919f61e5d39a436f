/** The words people read for the referral service's codes (CIN census, categories, lawful bases). */
import type { NewReferral, Referral, TriageDecision } from './referrals.api.js';

type Consent = NewReferral['consent'];

/** Whether a value typed or chosen on a form is one of the codes a table has words for. */
export function isCodeOf<Code extends string>(words: Record<Code, string>, value: string): value is Code {
  return Object.hasOwn(words, value);
}

/** CIN census referral sources a practitioner refers from, in plain words (DfE CIN census guide). */
export const PRACTITIONER_SOURCES: { code: NewReferral['sourceCode']; words: string }[] = [
  { code: '2A', words: 'A school' },
  { code: '2B', words: 'Education services, other than a school' },
  { code: '3A', words: 'A GP practice' },
  { code: '3B', words: 'A health visitor' },
  { code: '3C', words: 'A school nurse' },
  { code: '3D', words: 'Other primary health services' },
  { code: '3E', words: 'A&E' },
  { code: '3F', words: 'Other health services' },
  { code: '4', words: 'Housing' },
  { code: '5A', words: "The council's social care (for example adult services)" },
  { code: '5B', words: 'Another council service (for example youth offending)' },
  { code: '5C', words: 'Another local authority' },
  { code: '5D', words: 'Early help' },
  { code: '6', words: 'The police' },
  { code: '7', words: 'Another legal agency (for example probation or the courts)' },
  { code: '8', words: 'Somewhere else' },
];

/** The CIN source an agency of each kind usually refers as, offered first so nobody types what Baton knows. */
export const USUAL_SOURCE_BY_AGENCY_KIND: Record<string, string> = {
  school: '2A',
  'education-welfare': '2B',
  'health-visiting': '3B',
  housing: '4',
  'adult-services': '5A',
  'youth-offending-team': '5B',
  'anti-social-behaviour-team': '5B',
  'early-help': '5D',
  'childrens-social-care': '5A',
  police: '6',
  voluntary: '8',
};

export const CONCERN_WORDS: Record<NewReferral['concerns']['categories'][number], string> = {
  education: 'Getting a good education (attendance, exclusion)',
  'early-years': 'Good early years development',
  health: 'Improved mental and physical health',
  'substance-use': 'Drug and alcohol use',
  'family-relationships': 'Improved family relationships',
  'abuse-exploitation': 'Safe from abuse and exploitation',
  crime: 'Crime and anti-social behaviour',
  'domestic-abuse': 'Safe from domestic abuse',
  housing: 'Secure housing',
  'financial-stability': 'Financial stability',
};

export const LAWFUL_BASIS_WORDS: Record<NonNullable<Consent['lawfulBasis']>, string> = {
  'safeguarding-significant-harm': 'A child is at risk of significant harm (safeguarding)',
  'public-task-children-act-2004-s10':
    "The council's duty to cooperate to improve children's wellbeing (Children Act 2004, section 10)",
  'legal-obligation': 'A legal obligation',
  'vital-interests': "To protect someone's life (vital interests)",
};

export const CONSENT_WORDS: Record<Consent['status'], string> = {
  given: 'Yes, the family agreed',
  refused: 'No, the family refused',
  'not-sought': 'The family has not been asked',
};

export const STATUS_WORDS: Record<Referral['status'], string> = {
  received: 'Waiting for a decision',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
};

export const OUTCOME_WORDS: Record<TriageDecision['outcome'], string> = {
  'signpost-universal': 'Signposted to universal services',
  'accept-early-help': 'Accepted for early help',
  'step-up-social-care': "Stepped up to children's social care",
  'no-further-action': 'No further action',
};

export function sourceWords(code: string): string {
  return PRACTITIONER_SOURCES.find((s) => s.code === code)?.words ?? code;
}
